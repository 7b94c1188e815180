import { defineConfig } from 'alertsmith';

export default defineConfig({
  definitions: 'definitions',
  out: 'generated',
  // Where the ElastAlert host has Node.js and the bundled runtime (copied from dist/alertsmith-incident.mjs).
  runtime: {
    node: '/usr/bin/node',
    script: '/opt/alertsmith/alertsmith-incident.mjs',
  },
  defaults: {
    index: 'logs-*',
    realert: '5m',
  },
});

import { defineAlert } from 'alertsmith';

export default defineAlert({
  id: 'log-source-silent',
  name: 'Windows log source gone silent',
  description: 'A host that ships Windows event logs sent nothing for 30 minutes.',
  index: 'winlogbeat-*',
  type: 'flatline',
  threshold: 1,
  timeframe: '30m',
  query_key: 'host.name',
  forget_keys: true,
  query: 'agent.type:winlogbeat',
  realert: '2h',
  tags: ['visibility'],
  owner: 'soc-platform',
  xsoar: {
    type: 'Log Source Health',
    severity: 'medium',
    name: 'No Windows logs from {{key}} for 30 minutes',
    details: '{{key}} sent {{count}} events in the last 30 minutes (expected at least {{threshold}}).',
    labels: ['key', 'count'],
  },
});

import { defineAlert } from 'alertsmith';

export default defineAlert({
  id: 'ssh-brute-force',
  name: 'SSH brute force',
  description: 'Twenty or more failed SSH logins from one source address within five minutes.',
  index: 'filebeat-*',
  type: 'frequency',
  num_events: 20,
  timeframe: '5m',
  query_key: 'source.ip',
  query: 'event.dataset:system.auth AND process.name:sshd AND event.category:authentication AND event.outcome:failure',
  realert: '30m',
  attack: { tactics: ['credential-access'], techniques: ['T1110.001'] },
  tags: ['linux', 'ssh'],
  owner: 'soc-linux',
  xsoar: {
    type: 'Brute Force',
    severity: 'high',
    name: 'SSH brute force from {{source.ip}} against {{host.name}}',
    details: '{{num_hits}} failed SSH logins from {{source.ip}}; last user tried: {{user.name}}',
    labels: ['source.ip', 'host.name', 'user.name'],
    customFields: { sourceip: '{{source.ip}}' },
  },
});

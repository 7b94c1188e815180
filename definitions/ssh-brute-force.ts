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
  tests: [
    {
      name: 'twenty failures from one address within five minutes fire',
      events: Array.from({ length: 20 }, (_, i) => ({
        '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, 0, i * 10)).toISOString(),
        event: { dataset: 'system.auth', category: ['authentication'], outcome: 'failure' },
        process: { name: 'sshd' },
        source: { ip: '203.0.113.7' },
        host: { name: 'bastion-1' },
        user: { name: i === 19 ? 'root' : `user${i}` },
      })),
      expect: {
        alerts: 1,
        incident: {
          name: 'SSH brute force from 203.0.113.7 against bastion-1',
          severity: 'high',
          details: '20 failed SSH logins from 203.0.113.7; last user tried: root',
          labels: { 'source.ip': '203.0.113.7', 'host.name': 'bastion-1', 'user.name': 'root' },
          customFields: { sourceip: '203.0.113.7' },
        },
      },
    },
    {
      name: 'twenty failures from twenty addresses stay quiet',
      events: Array.from({ length: 20 }, (_, i) => ({
        '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, 0, i * 10)).toISOString(),
        event: { dataset: 'system.auth', category: ['authentication'], outcome: 'failure' },
        process: { name: 'sshd' },
        source: { ip: `203.0.113.${i + 1}` },
        host: { name: 'bastion-1' },
      })),
      expect: { alerts: 0 },
    },
    {
      name: 'successful logins do not count',
      events: Array.from({ length: 25 }, (_, i) => ({
        '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, 0, i * 10)).toISOString(),
        event: { dataset: 'system.auth', category: ['authentication'], outcome: 'success' },
        process: { name: 'sshd' },
        source: { ip: '203.0.113.7' },
      })),
      expect: { alerts: 0 },
    },
  ],
});

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
    details: '{{key}} sent {{count}} events in the last 30 minutes (expected at least 1).',
    labels: ['key', 'count'],
  },
  tests: [
    {
      name: 'a host silent for more than 30 minutes fires once',
      events: [
        { '@timestamp': '2026-01-05T10:00:00Z', agent: { type: 'winlogbeat' }, host: { name: 'dc-1' } },
        { '@timestamp': '2026-01-05T10:05:00Z', agent: { type: 'winlogbeat' }, host: { name: 'dc-1' } },
      ],
      now: '2026-01-05T10:50:00Z',
      expect: {
        alerts: 1,
        incident: {
          name: 'No Windows logs from dc-1 for 30 minutes',
          severity: 'medium',
          details: 'dc-1 sent 0 events in the last 30 minutes (expected at least 1).',
        },
      },
    },
    {
      name: 'a host that keeps sending stays quiet',
      events: Array.from({ length: 11 }, (_, i) => ({
        '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, i * 5)).toISOString(),
        agent: { type: 'winlogbeat' },
        host: { name: 'dc-1' },
      })),
      expect: { alerts: 0 },
    },
  ],
});

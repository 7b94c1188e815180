import { defineAlert } from 'alertsmith';

export default defineAlert({
  id: 'failed-login-spike',
  name: 'Spike of failed logins',
  description: 'Failed logins in the last hour are three times those of the hour before, and at least 50.',
  type: 'spike',
  spike_height: 3,
  spike_type: 'up',
  timeframe: '1h',
  threshold_cur: 50,
  query: 'event.category:authentication AND event.outcome:failure',
  realert: '1h',
  attack: { tactics: ['credential-access'], techniques: ['T1110'] },
  owner: 'soc-identity',
  xsoar: {
    type: 'Brute Force',
    severity: 'medium',
    name: 'Failed logins spiked: {{spike_count}} in the last hour',
    details: '{{spike_count}} failed logins in the last hour against {{reference_count}} in the hour before.',
    labels: ['spike_count', 'reference_count'],
  },
  tests: [
    {
      name: 'sixty failures in minutes after two quiet hours fire',
      events: [
        ...Array.from({ length: 24 }, (_, i) => ({
          '@timestamp': new Date(Date.UTC(2026, 0, 5, 9, i * 5)).toISOString(),
          event: { category: ['authentication'], outcome: 'failure' },
        })),
        ...Array.from({ length: 60 }, (_, i) => ({
          '@timestamp': new Date(Date.UTC(2026, 0, 5, 11, 30, i * 6)).toISOString(),
          event: { category: ['authentication'], outcome: 'failure' },
        })),
      ],
      expect: { alerts: 1, incident: { severity: 'medium', labels: { spike_count: '50' } } },
    },
    {
      name: 'a burst below threshold_cur stays quiet',
      events: [
        ...Array.from({ length: 24 }, (_, i) => ({
          '@timestamp': new Date(Date.UTC(2026, 0, 5, 9, i * 5)).toISOString(),
          event: { category: ['authentication'], outcome: 'failure' },
        })),
        ...Array.from({ length: 30 }, (_, i) => ({
          '@timestamp': new Date(Date.UTC(2026, 0, 5, 11, 30, i * 6)).toISOString(),
          event: { category: ['authentication'], outcome: 'failure' },
        })),
      ],
      expect: { alerts: 0 },
    },
  ],
});

import { defineAlert } from 'alertsmith';

// The classic ElastAlert -> XSOAR setup: every Microsoft ATA alert becomes an incident.
export default defineAlert({
  id: 'microsoft-ata',
  name: 'Microsoft ATA alert',
  description: 'Microsoft Advanced Threat Analytics raised a suspicious-activity alert.',
  index: 'ata-*',
  type: 'any',
  query: 'observer.product:"Advanced Threat Analytics" AND event.kind:alert',
  // alertsmith-disable-next-line realert-flood -- ATA already de-duplicates: each of its alerts is its own incident
  realert: { minutes: 0 },
  attack: { tactics: ['credential-access', 'lateral-movement'] },
  tags: ['microsoft', 'identity'],
  owner: 'soc-identity',
  xsoar: {
    type: 'Microsoft ATA',
    severity: 'low',
    name: 'Microsoft ATA: {{rule.name}} on {{host.name}}',
    details: 'Microsoft ATA has generated an alert: {{rule.description}}',
    labels: ['host.name', 'rule.description', 'rule.id', 'rule.name', 'source.domain'],
  },
  tests: [
    {
      name: 'an ATA alert becomes an incident',
      events: [
        {
          '@timestamp': '2026-01-05T10:00:00Z',
          observer: { product: 'Advanced Threat Analytics' },
          event: { kind: 'alert' },
          host: { name: 'dc-1' },
          rule: { id: 'ata-1', name: 'Pass-the-ticket', description: 'Pass-the-ticket attack on dc-1' },
          source: { domain: 'corp.example' },
        },
      ],
      expect: {
        alerts: 1,
        incidents: 1,
        incident: {
          name: 'Microsoft ATA: Pass-the-ticket on dc-1',
          severity: 'low',
          details: 'Microsoft ATA has generated an alert: Pass-the-ticket attack on dc-1',
          labels: { 'host.name': 'dc-1', 'rule.id': 'ata-1' },
        },
      },
    },
    {
      name: 'ATA health events are not alerts',
      events: [
        { '@timestamp': '2026-01-05T10:00:00Z', observer: { product: 'Advanced Threat Analytics' }, event: { kind: 'event' } },
        { '@timestamp': '2026-01-05T10:01:00Z', observer: { product: 'Advanced Threat' }, event: { kind: 'alert' } },
      ],
      expect: { alerts: 0 },
    },
  ],
});

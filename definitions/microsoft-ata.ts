import { defineAlert } from 'alertsmith';

// The classic ElastAlert -> XSOAR setup: every Microsoft ATA alert becomes an incident.
export default defineAlert({
  id: 'microsoft-ata',
  name: 'Microsoft ATA alert',
  description: 'Microsoft Advanced Threat Analytics raised a suspicious-activity alert.',
  index: 'ata-*',
  type: 'any',
  query: 'observer.product:"Advanced Threat Analytics" AND event.kind:alert',
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
});

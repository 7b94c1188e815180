import { defineAlert } from 'alertsmith';

// Windows Security events 4728/4732/4756: a member was added to a security-enabled group.
export default defineAlert({
  id: 'admin-group-member-added',
  name: 'User added to an administrators group',
  description: 'An account was added to Domain Admins, Enterprise Admins or the local Administrators group.',
  index: 'winlogbeat-*',
  type: 'any',
  filter: [
    { terms: { 'event.code': ['4728', '4732', '4756'] } },
    { terms: { 'group.name': ['Domain Admins', 'Enterprise Admins', 'Administrators'] } },
  ],
  // alertsmith-disable-next-line realert-flood -- every group change is its own incident
  realert: { minutes: 0 },
  attack: { tactics: ['persistence', 'privilege-escalation'], techniques: ['T1098'] },
  tags: ['windows', 'active-directory'],
  owner: 'soc-identity',
  xsoar: {
    type: 'Privileged Group Change',
    severity: 'high',
    name: '{{user.target.name}} added to {{group.name}} by {{user.name}}',
    details: '{{user.name}} added {{user.target.name}} to {{group.name}} on {{host.name}} (event {{event.code}}).',
    labels: ['user.name', 'user.target.name', 'group.name', 'host.name'],
    createInvestigation: true,
  },
  tests: [
    {
      name: 'a member added to Administrators fires',
      events: [
        {
          '@timestamp': '2026-01-05T10:00:00Z',
          event: { code: '4732' },
          group: { name: 'Administrators' },
          user: { name: 'alice', target: { name: 'mallory' } },
          host: { name: 'srv-7' },
        },
      ],
      expect: {
        alerts: 1,
        incident: {
          name: 'mallory added to Administrators by alice',
          severity: 'high',
          details: 'alice added mallory to Administrators on srv-7 (event 4732).',
          labels: { 'group.name': 'Administrators', 'user.target.name': 'mallory' },
        },
      },
    },
    {
      name: 'other groups and other event codes stay quiet',
      events: [
        { '@timestamp': '2026-01-05T10:00:00Z', event: { code: '4732' }, group: { name: 'Backup Operators' }, user: { name: 'alice' } },
        { '@timestamp': '2026-01-05T10:01:00Z', event: { code: '4624' }, group: { name: 'Administrators' }, user: { name: 'alice' } },
      ],
      expect: { alerts: 0 },
    },
  ],
});

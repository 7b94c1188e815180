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
});

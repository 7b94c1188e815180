import { describe, expect, it } from 'vitest';
import type { StoredIncident } from '../../src/simulator/contract.js';
import { incidentMatches, parseIncidentQuery } from '../../src/simulator/incident-query.js';

const incident: StoredIncident = {
  id: '12',
  flavour: 'xsoar6',
  auth: 'standard',
  body: {
    name: 'SSH brute force',
    type: 'Authentication',
    severity: 3,
    labels: [
      { type: 'alertsmith-dedup', value: 'rule:ssh "quoted" \\ key' },
      { type: 'host.name', value: 'web-1' },
    ],
  },
};

function matches(query: string): boolean {
  const parsed = parseIncidentQuery(query);
  if (!parsed.ok) throw new Error(parsed.reason);
  return incidentMatches(incident, parsed.terms);
}

describe('parseIncidentQuery and incidentMatches', () => {
  it('matches every incident with an empty query', () => {
    expect(matches('')).toBe(true);
    expect(matches('   ')).toBe(true);
  });

  it('finds an incident by a quoted label value with escaped quotes and backslashes', () => {
    expect(matches('labels.value:"rule:ssh \\"quoted\\" \\\\ key"')).toBe(true);
    expect(matches('labels.value:"rule:ssh"')).toBe(false);
  });

  it('finds an incident by bare values of id, type, severity and label type', () => {
    expect(matches('id:12')).toBe(true);
    expect(matches('type:Authentication severity:3')).toBe(true);
    expect(matches('labels.type:host.name and labels.value:web-1')).toBe(true);
    expect(matches('id:12 AND severity:4')).toBe(false);
  });

  it('compares names exactly', () => {
    expect(matches('name:"SSH brute force"')).toBe(true);
    expect(matches('name:"ssh brute force"')).toBe(false);
  });

  it('refuses fields it cannot search on, naming the supported ones', () => {
    const parsed = parseIncidentQuery('status:1');
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/cannot search on "status" \(supported: id, name/) });
  });

  it('refuses text that is not field:value and unterminated quotes', () => {
    expect(parseIncidentQuery('web-1').ok).toBe(false);
    expect(parseIncidentQuery('name:"open').ok).toBe(false);
    expect(parseIncidentQuery('name: x').ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { testCaseSchema } from '../../../src/define/schema/test-case.js';
import type { IncidentBody } from '../../../src/incident/incident-body.js';
import { compareIncident } from '../../../src/commands/test/compare-incident.js';
import { caseFires } from '../../../src/commands/test/run-case.js';

const body: IncidentBody = {
  name: 'SSH brute force from 203.0.113.7',
  type: 'Brute Force',
  severity: 3,
  details: '20 failed logins',
  labels: [
    { type: 'source.ip', value: '203.0.113.7' },
    { type: 'user.name', value: 'root' },
    { type: 'user.name', value: 'admin' },
  ],
  CustomFields: { sourceip: '203.0.113.7' },
  rawJSON: '{}',
};

describe('comparing an expected incident', () => {
  it('finds nothing to report when every named part matches, severity by name', () => {
    expect(compareIncident({ name: body.name, severity: 'high', labels: { 'user.name': ['admin', 'root'] }, customFields: { sourceip: '203.0.113.7' } }, body)).toEqual([]);
  });

  it('reports each difference on its own line with both values', () => {
    expect(compareIncident({ name: 'x', severity: 'low', labels: { 'host.name': 'h' }, customFields: { sourceip: '1.1.1.1', other: 'y' } }, body)).toEqual([
      'incident.name: expected "x", got "SSH brute force from 203.0.113.7"',
      'incident.severity: expected 1, got 3',
      'incident.labels["host.name"]: expected "h", got no such label',
      'incident.customFields.sourceip: expected "1.1.1.1", got "203.0.113.7"',
      'incident.customFields.other: expected "y", got nothing',
    ]);
  });
});

describe('the test case schema', () => {
  it('needs an expectation and something to run on', () => {
    expect(testCaseSchema.safeParse({ name: 'x', events: [{}], expect: {} }).success).toBe(false);
    expect(testCaseSchema.safeParse({ name: 'x', expect: { alerts: 0 } }).success).toBe(false);
    expect(testCaseSchema.safeParse({ name: 'x', now: '2026-01-01T00:00:00Z', expect: { alerts: 0 } }).success).toBe(true);
  });

  it('refuses unknown keys, so a misspelled expectation is not ignored', () => {
    expect(testCaseSchema.safeParse({ name: 'x', events: [{}], expect: { alert: 1 } }).success).toBe(false);
  });

  it('tells cases that fire from cases that stay quiet', () => {
    const fires = (expect: object) => caseFires(testCaseSchema.parse({ name: 'x', events: [{}], expect }));
    expect(fires({ alerts: 2 })).toBe(true);
    expect(fires({ incident: { name: 'n' } })).toBe(true);
    expect(fires({ alerts: 0, incidents: 0 })).toBe(false);
  });
});

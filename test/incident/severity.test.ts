import { describe, expect, it } from 'vitest';
import { parseSeverity, severityNumber } from '../../src/incident/severity.js';
import { mappingFromValues } from '../../src/incident/command-flags.js';
import { planIncidents } from '../../src/incident/incident-body.js';

describe('severityNumber', () => {
  it('gives XSOAR\'s number for a name and keeps a number as it is', () => {
    expect([severityNumber('high'), severityNumber('informational'), severityNumber(0.5), severityNumber(4)]).toEqual([3, 0.5, 0.5, 4]);
  });
});

describe('parseSeverity', () => {
  it('reads XSOAR names and numbers', () => {
    expect(parseSeverity('High')).toBe(3);
    expect(parseSeverity(' informational ')).toBe(0.5);
    expect(parseSeverity('4')).toBe(4);
    expect(parseSeverity('5')).toBeUndefined();
    expect(parseSeverity('')).toBeUndefined();
  });

  it('refuses names that only an object prototype knows', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect(parseSeverity(name)).toBeUndefined();
    }
    const parsed = mappingFromValues({ rule: 'r', type: 't', severity: 'constructor' });
    expect(parsed.ok).toBe(false);
  });
});

describe('custom field names from flags', () => {
  it('keeps a field named like an object prototype member as an ordinary field', () => {
    const parsed = mappingFromValues({ rule: 'r', type: 't', 'custom-field': ['__proto__={{a}}', 'constructor=c'] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [planned] = planIncidents([{ a: 'x' }], parsed.mapping);
    expect(JSON.parse(JSON.stringify(planned!.body)).CustomFields).toEqual(JSON.parse('{"__proto__":"x","constructor":"c"}'));
  });
});

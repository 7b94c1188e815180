import { describe, expect, it } from 'vitest';
import { createRequestProblems, isRfc3339DateTime } from '../../src/simulator/create-request.js';

const valid = {
  name: 'Brute force on web-1',
  type: 'Authentication',
  severity: 3,
  details: 'ten failures',
  labels: [{ type: 'rule', value: 'brute-force' }],
  CustomFields: { sourceip: '10.0.0.1' },
  rawJSON: '{"a":1}',
  occurred: '2026-11-27T10:00:00.123+01:00',
  createInvestigation: true,
  playbookId: 'pb',
  owner: 'admin',
  sourceBrand: 'alertsmith',
  sourceInstance: 'elastalert',
  dbotMirrorId: 'x',
};

describe('createRequestProblems', () => {
  it('accepts a body using every documented field', () => {
    expect(createRequestProblems(valid)).toEqual([]);
  });

  it('accepts an empty object and the XSOAR 8 spelling customFields', () => {
    expect(createRequestProblems({})).toEqual([]);
    for (const key of ['constructor', 'toString', '__proto__']) {
      expect(createRequestProblems(JSON.parse(`{"${key}": 1}`))).toEqual([`unknown field "${key}"`]);
    }
    expect(createRequestProblems({ customFields: {} })).toEqual([]);
  });

  it('refuses a body that is not a JSON object', () => {
    expect(createRequestProblems([valid])).toEqual(['the request body must be a JSON object']);
    expect(createRequestProblems(null)).toEqual(['the request body must be a JSON object']);
  });

  it('refuses unknown top-level keys, naming each', () => {
    expect(createRequestProblems({ name: 'x', nmae: 'y', rawJson: '{}' })).toEqual(['unknown field "nmae"', 'unknown field "rawJson"']);
  });

  it('refuses a label value that is not a string', () => {
    expect(createRequestProblems({ labels: [{ type: 'port', value: 22 }] })).toEqual(['labels: [0].value must be a string, got a number']);
  });

  it('refuses labels that are not an array of {type, value}', () => {
    expect(createRequestProblems({ labels: { type: 'a', value: 'b' } })[0]).toMatch(/^labels: must be an array/);
    expect(createRequestProblems({ labels: [{ type: 'a', value: 'b', extra: 'c' }] })[0]).toMatch(/unknown keys "extra"/);
    expect(createRequestProblems({ labels: ['a'] })[0]).toMatch(/\[0\] must be an object/);
  });

  it.each([0, 0.5, 1, 2, 3, 4])('accepts severity %s', (severity) => {
    expect(createRequestProblems({ severity })).toEqual([]);
  });

  it.each([5, 1.5, -1, '3', 'high', null])('refuses severity %j', (severity) => {
    expect(createRequestProblems({ severity })[0]).toMatch(/^severity: must be one of 0, 0.5, 1, 2, 3, 4/);
  });

  it('refuses rawJSON sent as an object or as text that is not JSON', () => {
    expect(createRequestProblems({ rawJSON: { a: 1 } })).toEqual(['rawJSON: must be a string holding JSON, got an object']);
    expect(createRequestProblems({ rawJSON: '{a:1}' })[0]).toMatch(/must hold valid JSON/);
  });

  it('refuses CustomFields that are not an object, and both spellings at once', () => {
    expect(createRequestProblems({ CustomFields: [] })).toEqual(['CustomFields: must be an object, got an array']);
    expect(createRequestProblems({ CustomFields: {}, customFields: {} })[0]).toMatch(/not both/);
  });

  it('refuses a non-string name and a non-boolean createInvestigation', () => {
    expect(createRequestProblems({ name: 1, createInvestigation: 'true' })).toEqual([
      'name: must be a string, got a number',
      'createInvestigation: must be a boolean, got a string',
    ]);
  });

  it('refuses occurred without an offset', () => {
    expect(createRequestProblems({ occurred: '2026-11-27T10:00:00' })[0]).toMatch(/^occurred: must be an RFC 3339 date-time with an offset/);
    expect(createRequestProblems({ occurred: 1_700_000_000 })[0]).toMatch(/got a number/);
  });
});

describe('isRfc3339DateTime', () => {
  it.each(['2026-11-27T10:00:00Z', '2026-11-27t10:00:00z', '2026-11-27T10:00:00.5-05:30', '2024-02-29T23:59:60Z'])('accepts %s', (text) => {
    expect(isRfc3339DateTime(text)).toBe(true);
  });

  it.each(['2026-11-27', '2026-11-27 10:00:00Z', '2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T10:00:00+0100', 'Fri Nov 27 2026'])(
    'refuses %s',
    (text) => {
      expect(isRfc3339DateTime(text)).toBe(false);
    },
  );
});

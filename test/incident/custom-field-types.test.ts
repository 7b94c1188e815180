import { describe, expect, it } from 'vitest';
import { mappingFromValues, mappingToArgs } from '../../src/incident/command-flags.js';
import { customFieldValue, isCustomFieldType } from '../../src/incident/custom-field-types.js';
import { planIncidents } from '../../src/incident/incident-body.js';
import type { IncidentMapping } from '../../src/incident/mapping.js';

describe('customFieldValue', () => {
  it('keeps the rendered text as it is for the text types', () => {
    for (const type of ['shortText', 'longText', 'markdown', 'html', 'url'] as const) {
      expect(customFieldValue(type, ' a b ')).toBe(' a b ');
    }
  });

  it('reads decimal numbers and refuses anything else in a number field', () => {
    expect(customFieldValue('number', '42')).toBe(42);
    expect(customFieldValue('number', ' -1.5e3 ')).toBe(-1500);
    expect(customFieldValue('number', '<missing num_hits>')).toBeUndefined();
    expect(customFieldValue('number', '')).toBeUndefined();
    expect(customFieldValue('number', '0x10')).toBeUndefined();
    expect(customFieldValue('number', 'Infinity')).toBeUndefined();
    expect(customFieldValue('number', '1e400')).toBeUndefined();
  });

  it('sends dates as RFC 3339 text: ISO text with or without an offset, epoch seconds or milliseconds', () => {
    expect(customFieldValue('date', '2026-11-27T10:00:00+02:00')).toBe('2026-11-27T10:00:00+02:00');
    expect(customFieldValue('date', '2026-11-27T10:00:00')).toBe('2026-11-27T10:00:00Z');
    expect(customFieldValue('date', '1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(customFieldValue('date', '1700000000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(customFieldValue('date', 'yesterday')).toBeUndefined();
  });

  it('reads true and false in any case, nothing else, in a boolean field', () => {
    expect(customFieldValue('boolean', 'TRUE')).toBe(true);
    expect(customFieldValue('boolean', ' false')).toBe(false);
    expect(customFieldValue('boolean', 'yes')).toBeUndefined();
  });

  it('knows only its own type names, not inherited object keys', () => {
    expect(isCustomFieldType('number')).toBe(true);
    expect(isCustomFieldType('multiSelect')).toBe(false);
    expect(isCustomFieldType('constructor')).toBe(false);
  });
});

describe('typed custom fields from flags to the create body', () => {
  const mapping: IncidentMapping = {
    rule: 'r',
    name: 'n',
    type: 'T',
    details: '',
    labels: [],
    severity: 1,
    customFields: { failures: '{{num_hits}}', firstseen: '{{@timestamp}}', sourceip: '{{source.ip}}', blocked: '{{blocked}}' },
    customFieldTypes: { failures: 'number', firstseen: 'date', blocked: 'boolean' },
    createInvestigation: false,
    timestampField: '@timestamp',
    incidentPer: 'match',
  };

  it('carries the types through the command line and back', () => {
    const args = mappingToArgs(mapping);
    expect(args).toContain('--custom-field-type=blocked=boolean');
    expect(args.filter((a) => a.startsWith('--custom-field-type='))).toEqual([
      '--custom-field-type=blocked=boolean', '--custom-field-type=failures=number', '--custom-field-type=firstseen=date',
    ]);
    const values = { rule: 'r', type: 'T', 'custom-field': args.filter((a) => a.startsWith('--custom-field=')).map((a) => a.slice('--custom-field='.length)), 'custom-field-type': args.filter((a) => a.startsWith('--custom-field-type=')).map((a) => a.slice('--custom-field-type='.length)) };
    const back = mappingFromValues(values);
    expect(back.ok && { ...back.mapping.customFieldTypes }).toEqual(mapping.customFieldTypes);
  });

  it('refuses a type XSOAR fields cannot be given from a template', () => {
    const back = mappingFromValues({ rule: 'r', type: 'T', 'custom-field-type': ['tags=multiSelect'] });
    expect(back.ok).toBe(false);
    expect(!back.ok && back.errors[0]).toMatch(/--custom-field-type takes key=type/);
  });

  it('sends each field as a value of its type, and leaves out a value that is not one', () => {
    const [good] = planIncidents([{ num_hits: 7, '@timestamp': '2026-11-27T10:00:00Z', source: { ip: '10.0.0.1' }, blocked: true }], mapping);
    expect(good!.body.CustomFields).toEqual({ blocked: true, failures: 7, firstseen: '2026-11-27T10:00:00Z', sourceip: '10.0.0.1' });
    const [bad] = planIncidents([{ num_hits: 'many', source: { ip: '10.0.0.1' } }], mapping);
    expect(bad!.body.CustomFields).toEqual({ sourceip: '10.0.0.1' });
  });

  it('replays an intake written before the types existed: every field is text', () => {
    const { customFieldTypes: _, ...old } = mapping;
    const [planned] = planIncidents([{ num_hits: 7 }], old);
    expect(planned!.body.CustomFields?.failures).toBe('7');
  });
});

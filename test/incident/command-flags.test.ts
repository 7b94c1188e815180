import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAPPING_PARSE_OPTIONS, mappingFromValues, mappingToArgs, type ParsedMappingValues } from '../../src/incident/command-flags.js';
import type { IncidentMapping } from '../../src/incident/mapping.js';

/** The flags as the runtime reads them. */
const parse = (args: string[]): ParsedMappingValues => parseArgs({ args, options: MAPPING_PARSE_OPTIONS, strict: true }).values;

const minimal: IncidentMapping = {
  rule: 'r', name: 'N', type: 'T', details: 'D', labels: [], severity: 2, customFields: {},
  createInvestigation: false, timestampField: '@timestamp', incidentPer: 'match',
};

describe('mappingToArgs', () => {
  it('writes the five constant flags and leaves out every setting at its default', () => {
    expect(mappingToArgs(minimal)).toEqual(['--rule=r', '--name=N', '--type=T', '--severity=2', '--details=D']);
  });

  it('writes every other setting, custom fields sorted by key, and the runtime reads the same mapping back', () => {
    const full: IncidentMapping = {
      rule: 'r', name: 'N', type: 'T', details: '-starts with a dash', labels: ['host.name', 'user.name'], severity: 0.5,
      customFields: { zeta: 'z={{a}}', alpha: '{{b}}' }, customFieldTypes: { zeta: 'number' }, playbookId: 'pb', owner: 'o', createInvestigation: true,
      timestampField: 'event.created', incidentPer: 'alert',
    };
    const args = mappingToArgs(full);
    const back = mappingFromValues(parse(args));
    expect(back.ok && { ...back.mapping, customFields: { ...back.mapping.customFields }, customFieldTypes: { ...back.mapping.customFieldTypes } }).toStrictEqual(full);
    expect(args.filter((a) => a.startsWith('--custom-field-type='))).toEqual(['--custom-field-type=zeta=number']);
    expect(args.filter((a) => !a.startsWith('--custom-field-type='))).toEqual([
      '--rule=r', '--name=N', '--type=T', '--severity=0.5', '--details=-starts with a dash', '--labels=host.name,user.name',
      '--custom-field=alpha={{b}}', '--custom-field=zeta=z={{a}}', '--playbook=pb', '--owner=o', '--create-investigation',
      '--timestamp-field=event.created', '--incident-per=alert',
    ]);
  });
});

describe('mappingFromValues', () => {
  it('needs only --rule and --type: the name defaults to the rule, severity to 0, the rest to their defaults', () => {
    const r = mappingFromValues({ rule: 'r', type: 'T' });
    expect(r.ok && { ...r.mapping, customFields: { ...r.mapping.customFields }, customFieldTypes: { ...r.mapping.customFieldTypes } }).toStrictEqual({
      rule: 'r', name: 'r', type: 'T', details: '', labels: [], severity: 0, customFields: {}, customFieldTypes: {},
      createInvestigation: false, timestampField: '@timestamp', incidentPer: 'match',
    });
  });

  it('reads repeated and comma-separated labels, trimmed, without empty ones', () => {
    const r = mappingFromValues({ rule: 'r', type: 'T', labels: ['a, b', ',c,', ' '] });
    expect(r.ok && r.mapping.labels).toEqual(['a', 'b', 'c']);
  });

  it('splits a custom field at its first =, and keeps an empty template', () => {
    const r = mappingFromValues({ rule: 'r', type: 'T', 'custom-field': ['k=a=b', 'e='] });
    expect(r.ok && { ...r.mapping.customFields }).toEqual({ k: 'a=b', e: '' });
  });

  it('collects every problem at once, in plain words', () => {
    const r = mappingFromValues({ rule: '', severity: 'urgent', 'custom-field': ['=x', 'novalue'], 'incident-per': 'hit' });
    expect(!r.ok && r.errors).toEqual([
      '--rule is required: the detection id',
      '--type is required: the XSOAR incident type',
      '--severity must be 0, 0.5, 1, 2, 3, 4 or a name (low, high, ...); got "urgent"',
      '--custom-field takes key=template; got "=x"',
      '--custom-field takes key=template; got "novalue"',
      '--incident-per must be "match" or "alert"; got "hit"',
    ]);
  });

  it('accepts one incident per alert', () => {
    const r = mappingFromValues({ rule: 'r', type: 'T', 'incident-per': 'alert' });
    expect(r.ok && r.mapping.incidentPer).toBe('alert');
  });
});

import { describe, expect, it } from 'vitest';
import { DEDUP_KEY_LABEL, matchDedupKey, RULE_LABEL } from '../../src/incident/dedup-key.js';
import { planIncidents, toRfc3339 } from '../../src/incident/incident-body.js';
import type { IncidentMapping } from '../../src/incident/mapping.js';

const mapping: IncidentMapping = {
  rule: 'ssh-brute-force',
  name: 'SSH brute force on {{host.name}} from {{source.ip}}',
  type: 'Brute Force',
  details: 'user {{user.name}} ({{event.count}} tries)',
  labels: ['host.name', 'tags', 'user'],
  severity: 3,
  customFields: { sourceip: '{{source.ip}}', scanip: '{{ips[1]}}' },
  createInvestigation: false,
  timestampField: '@timestamp',
  incidentPer: 'match',
};

const match = {
  '@timestamp': '2026-11-27T10:00:00.123Z',
  _id: 'abc',
  _index: 'logs-auth',
  'host.name': 'literal-dotted',
  host: { name: 'nested' },
  source: { ip: '10.0.0.1' },
  ips: ['1.1.1.1', '2.2.2.2'],
  tags: ['ssh', 'auth', 7],
  user: { name: 'root', id: 0 },
  event: { count: 12 },
};

describe('planIncidents', () => {
  it('renders templates with ElastAlert lookups: literal dotted key first, nested, indexes', () => {
    const [planned] = planIncidents([match], mapping);
    expect(planned!.body.name).toBe('SSH brute force on literal-dotted from 10.0.0.1');
    expect(planned!.body.details).toBe('user root (12 tries)');
    expect(planned!.body.CustomFields).toEqual({ scanip: '2.2.2.2', sourceip: '10.0.0.1' });
    expect(planned!.missingFields).toEqual([]);
  });

  it('builds the whole create body with fixed key order, rule and de-duplication labels', () => {
    const [planned] = planIncidents([match], { ...mapping, playbookId: 'pb', owner: 'ann', createInvestigation: true });
    expect(Object.keys(planned!.body)).toEqual([
      'name', 'type', 'severity', 'details', 'labels', 'CustomFields', 'rawJSON', 'occurred',
      'createInvestigation', 'playbookId', 'owner',
    ]);
    expect(planned!.key).toBe(matchDedupKey('ssh-brute-force', match));
    expect(planned!.body.labels).toEqual([
      { type: 'host.name', value: 'literal-dotted' },
      { type: 'tags', value: 'ssh' },
      { type: 'tags', value: 'auth' },
      { type: 'tags', value: '7' },
      { type: 'user', value: '{"name":"root","id":0}' },
      { type: RULE_LABEL, value: 'ssh-brute-force' },
      { type: DEDUP_KEY_LABEL, value: planned!.key },
    ]);
    expect(JSON.parse(planned!.body.rawJSON)).toEqual(match);
    expect(planned!.body.occurred).toBe('2026-11-27T10:00:00.123Z');
    expect(planned!.body.severity).toBe(3);
    expect(planned!.body.createInvestigation).toBe(true);
    expect([planned!.body.playbookId, planned!.body.owner]).toEqual(['pb', 'ann']);
    // Custom fields in name order, whatever the mapping's order.
    expect(Object.keys(planned!.body.CustomFields!)).toEqual(['scanip', 'sourceip']);
  });

  it('marks missing fields, reports each once and leaves missing labels out', () => {
    const [planned] = planIncidents([{ _id: '1' }], { ...mapping, details: '{{user.name}} {{user.name}}' });
    expect(planned!.body.name).toBe('SSH brute force on <missing host.name> from <missing source.ip>');
    expect(planned!.body.details).toBe('<missing user.name> <missing user.name>');
    expect(planned!.missingFields).toEqual(['host.name', 'tags', 'user', 'source.ip', 'user.name', 'ips[1]']);
    expect(planned!.body.labels.map((l) => l.type)).toEqual([RULE_LABEL, DEDUP_KEY_LABEL]);
    expect(planned!.body.occurred).toBeUndefined();
  });

  it('inserts hostile values verbatim and never reads them as templates', () => {
    const hostile = '{{source.ip}} { % $HOME %(x)s\nline2 ünïcødé 💥';
    const [planned] = planIncidents([{ host: { name: hostile }, source: { ip: 'x' } }], mapping);
    expect(planned!.body.name).toBe(`SSH brute force on ${hostile} from x`);
  });

  it('makes one incident per match by default and one per alert when asked', () => {
    const matches = [{ _id: '1', tags: ['a'] }, { _id: '2', tags: ['b', 'a'] }];
    expect(planIncidents(matches, mapping)).toHaveLength(2);
    const perAlert = planIncidents(matches, { ...mapping, incidentPer: 'alert' });
    expect(perAlert).toHaveLength(1);
    expect(perAlert[0]!.body.labels.filter((l) => l.type === 'tags').map((l) => l.value)).toEqual(['a', 'b']);
    expect(JSON.parse(perAlert[0]!.body.rawJSON)).toEqual({ _id: '1', tags: ['a'], alertsmith_related_matches: [{ _id: '2', tags: ['b', 'a'] }] });
  });

  it('answers nothing for no matches and leaves CustomFields out when none are mapped', () => {
    expect(planIncidents([], mapping)).toEqual([]);
    expect(planIncidents([], { ...mapping, incidentPer: 'alert' })).toEqual([]);
    const [planned] = planIncidents([{}], { ...mapping, customFields: {} });
    expect(planned!.body.CustomFields).toBeUndefined();
  });

  it('leaves out every optional key it has no value for, rather than sending it as undefined', () => {
    // A number field whose template renders a word has no value: the field is dropped, and with
    // it the whole CustomFields object.
    const [planned] = planIncidents([{ _id: '1' }], {
      ...mapping, customFields: { count: 'many' }, customFieldTypes: { count: 'number' }, timestampField: 'nowhere',
    });
    expect(Object.keys(planned!.body)).toEqual(['name', 'type', 'severity', 'details', 'labels', 'rawJSON']);
  });

  it('reads customFieldTypes only for its own keys, and treats a missing map as all short text', () => {
    const untyped = { ...mapping, customFields: { n: '{{event.count}}', constructor: '{{event.count}}' } };
    const [plain] = planIncidents([match], untyped);
    expect(plain!.body.CustomFields).toEqual({ constructor: '12', n: '12' });
    const [typed] = planIncidents([match], { ...untyped, customFieldTypes: { n: 'number' } });
    expect(typed!.body.CustomFields).toEqual({ constructor: '12', n: 12 });
  });

  it('sends no label for a null value and does not call the field missing', () => {
    const [planned] = planIncidents([{ tags: ['a', null, undefined, 'b'], user: null }], mapping);
    expect(planned!.body.labels.filter((l) => l.type !== RULE_LABEL && l.type !== DEDUP_KEY_LABEL)).toEqual([
      { type: 'tags', value: 'a' },
      { type: 'tags', value: 'b' },
    ]);
    expect(planned!.missingFields).toEqual(['host.name', 'source.ip', 'user.name', 'event.count', 'ips[1]']);
  });

  it('writes rawJSON of a single match as the match itself, and of several non-object matches as their list', () => {
    expect(planIncidents([[1, 2]], mapping)[0]!.body.rawJSON).toBe('[1,2]');
    expect(planIncidents(['a', 'b'], { ...mapping, incidentPer: 'alert' })[0]!.body.rawJSON).toBe('["a","b"]');
    // A match JSON cannot hold (only a caller in JavaScript can pass one) is sent as null.
    expect(planIncidents([undefined], mapping)[0]!.body.rawJSON).toBe('null');
  });

  it('is deterministic: the same input plans the same incidents', () => {
    expect(planIncidents([match], mapping)).toEqual(planIncidents([structuredClone(match)], mapping));
  });
});

describe('toRfc3339', () => {
  it('keeps offsets, reads naive ISO as UTC, converts epoch seconds and milliseconds, refuses the rest', () => {
    expect(toRfc3339('2026-11-27T10:00:00+02:00')).toBe('2026-11-27T10:00:00+02:00');
    expect(toRfc3339('2026-11-27T10:00:00.123456')).toBe('2026-11-27T10:00:00.123456Z');
    expect(toRfc3339(1_800_000_000)).toBe('2027-01-15T08:00:00.000Z');
    expect(toRfc3339(1_800_000_000_000)).toBe('2027-01-15T08:00:00.000Z');
    expect(toRfc3339('yesterday')).toBeUndefined();
    expect(toRfc3339('2026-13-45T10:00:00Z')).toBeUndefined();
    expect(toRfc3339(null)).toBeUndefined();
  });

  it('trims the text and writes a space between date and time as T', () => {
    expect(toRfc3339('  2026-11-27T10:00:00Z\n')).toBe('2026-11-27T10:00:00Z');
    expect(toRfc3339('2026-11-27 10:00:00+02:00')).toBe('2026-11-27T10:00:00+02:00');
    expect(toRfc3339(' 2026-11-27 10:00:00.5 ')).toBe('2026-11-27T10:00:00.5Z');
  });

  it('refuses a date-time that is no real one, which Date.parse would roll over or accept', () => {
    expect(toRfc3339('2026-02-30T10:00:00')).toBeUndefined();
    expect(toRfc3339('2026-02-29T10:00:00Z')).toBeUndefined();
    expect(toRfc3339('2026-04-31 10:00:00+02:00')).toBeUndefined();
    expect(toRfc3339('2026-11-27T24:00:00Z')).toBeUndefined();
    expect(toRfc3339('2026-13-01 10:00:00')).toBeUndefined();
    expect(toRfc3339('2026-00-10T10:00:00')).toBeUndefined();
    expect(toRfc3339('2028-02-29T23:59:59Z')).toBe('2028-02-29T23:59:59Z');
    expect(toRfc3339('2000-02-29T00:00:00')).toBe('2000-02-29T00:00:00Z');
    expect(toRfc3339('2100-02-29T00:00:00')).toBeUndefined();
    expect(toRfc3339('2026-12-31T23:59:59Z')).toBe('2026-12-31T23:59:59Z');
    expect(toRfc3339('2028-01-31T00:00:00Z')).toBe('2028-01-31T00:00:00Z');
    expect(toRfc3339('2026-03-01T00:00:00Z')).toBe('2026-03-01T00:00:00Z');
    expect(toRfc3339('2026-11-00T10:00:00Z')).toBeUndefined();
  });

  it('refuses date-times that RFC 3339 does not allow: no seconds, an offset without its colon', () => {
    expect(toRfc3339('2026-11-27T10:00')).toBeUndefined();
    expect(toRfc3339('2026-11-27T10:00Z')).toBeUndefined();
    expect(toRfc3339('2026-11-27T10:00:00+0200')).toBeUndefined();
  });

  it('reads only numbers and text, not booleans or lists', () => {
    expect(toRfc3339(true)).toBeUndefined();
    expect(toRfc3339([1_800_000_000])).toBeUndefined();
  });

  it('reads numbers below 1e11 in size as epoch seconds, from 1e11 on as milliseconds, negative ones alike', () => {
    expect(toRfc3339(99_999_999_999)).toBe('5138-11-16T09:46:39.000Z');
    expect(toRfc3339(100_000_000_000)).toBe('1973-03-03T09:46:40.000Z');
    expect(toRfc3339(-1_000_000_000)).toBe('1938-04-24T22:13:20.000Z');
    expect(toRfc3339(-1_000_000_000_000)).toBe('1938-04-24T22:13:20.000Z');
    expect(toRfc3339(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('refuses numbers outside the range of dates, and non-finite ones', () => {
    expect(toRfc3339(1e20)).toBeUndefined();
    expect(toRfc3339(Number.NaN)).toBeUndefined();
    expect(toRfc3339(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

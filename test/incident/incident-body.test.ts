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
    const [planned] = planIncidents([{}], { ...mapping, customFields: {} });
    expect(planned!.body.CustomFields).toBeUndefined();
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
});

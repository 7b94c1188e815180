import { describe, expect, it } from 'vitest';
import { fixtureFindings, lintFixtures, placeOf, placesOf } from './fixture-helpers.js';
import { SAMPLE_BUNDLE } from '../attack/sample-attack-data.js';

describe('realert-flood', () => {
  it('warns about realert 0 without a query_key, not with one', async () => {
    const findings = await lintFixtures('realert-flood');
    expect(placesOf(findings, 'realert-flood')).toEqual([placeOf('realert-flood', 'flood.ts', "'0m'")]);
    expect(findings.find((f) => f.ruleId === 'realert-flood')!.level).toBe('warning');
  });

  it('warns about a realert of 0 that comes from the config defaults', async () => {
    const findings = await lintFixtures('realert-flood', { defaults: { realert: '0s' } });
    const fromConfig = findings.filter((f) => f.ruleId === 'realert-flood' && f.file.endsWith('default-realert.ts'));
    expect(fromConfig.map((f) => f.message)).toEqual([
      'realert is 0 (from the config defaults) and there is no query_key: every matching document opens its own incident',
    ]);
  });
});

describe('frequency-single-event', () => {
  it("suggests type 'any' for num_events: 1", async () => {
    const findings = await lintFixtures('frequency-single-event');
    expect(placesOf(findings, 'frequency-single-event')).toEqual([placeOf('frequency-single-event', 'one-event.ts', '1,')]);
  });
});

describe('rule levels from the config', () => {
  it('turns a rule off for every definition', async () => {
    const findings = await lintFixtures('realert-flood', { check: { rules: { 'realert-flood': 'off' } } });
    expect(placesOf(findings, 'realert-flood')).toEqual([]);
  });

  it('raises a warning rule to an error', async () => {
    const findings = await lintFixtures('realert-flood', { check: { rules: { 'realert-flood': 'error' } } });
    expect(findings.filter((f) => f.ruleId === 'realert-flood').map((f) => f.level)).toEqual(['error']);
  });

  it('refuses an unknown rule id with a suggestion', async () => {
    await expect(lintFixtures('realert-flood', { check: { rules: { 'realert-flod': 'off' } } })).rejects.toThrow(
      /check\.rules names "realert-flod", which is not a rule: did you mean "realert-flood"\?/,
    );
  });
});

describe('a clean definition', () => {
  it('has no findings', async () => {
    expect(await lintFixtures('clean')).toEqual([]);
  });
});

describe('the query traps (query-term-whitespace, field-pattern-escape, exists-field-name, query-term-type, fieldless-range)', () => {
  const linted = fixtureFindings('query-traps');
  const of = (rule: string) => linted().filter((f) => f.ruleId === rule);

  it('warns about several words on a keyword or number field, with the OR form as the fix', () => {
    expect(placesOf(linted(), 'query-term-whitespace')).toEqual([
      placeOf('query-traps', 'whitespace.ts', '4624 4625'),
      placeOf('query-traps', 'whitespace.ts', '22 3389'),
    ]);
    const [code] = of('query-term-whitespace');
    expect(code!.level).toBe('warning');
    expect(code!.message).toBe('"4624 4625" is one term on keyword field "event.code" (query_string does not split on whitespace), so it matches only that exact text');
    expect(code!.fix).toBe('join the values with OR: event.code:(4624 OR 4625)');
  });

  it('reports an unescaped field pattern once: an error in a field, a warning after _exists_ with the escaped form', () => {
    // user.*:root does not parse: that one is the lucene-syntax error, reported once.
    expect(placesOf(linted(), 'lucene-syntax')).toContain(placeOf('query-traps', 'field-pattern.ts', 'user.*'));
    expect(placesOf(linted(), 'field-pattern-escape')).toEqual([
      placeOf('query-traps', 'field-pattern.ts', 'host.*'),
    ]);
    expect(of('field-pattern-escape').map((f) => f.fix)).toEqual(['write _exists_:host.\\*']);
  });

  it('warns about a fuzzy term, regexp or range after _exists_, which is read as a query on a field named _exists_', () => {
    expect(placesOf(linted(), 'exists-field-name')).toEqual(['user~', '/us.r/', '[a TO c]'].map((clause) => placeOf('query-traps', 'exists-field.ts', clause)));
    expect(of('exists-field-name').map((f) => f.message)).toEqual([
      '_exists_:user~ is a fuzzy query on a field named _exists_, which matches nothing',
      '_exists_:/us.r/ is a regular expression query on a field named _exists_, which matches nothing',
      '_exists_:[a TO c] is a range query on a field named _exists_, which matches nothing',
    ]);
  });

  it('warns about terms their field type can never match, which Elasticsearch skips silently', () => {
    const valueOf = (clause: string) => placeOf('query-traps', 'term-type.ts', clause, 1, clause.indexOf(':') + 1);
    expect(placesOf(linted(), 'query-term-type')).toEqual(
      ['source.ip:10.*', 'destination.port:abc', 'destination.port:8*', 'custom.flag:yes'].map(valueOf),
    );
    expect(of('query-term-type')[0]!.message).toBe('10.* can never match ip field "source.ip": Elasticsearch skips it silently and the clause matches nothing');
  });

  it('warns about ranges without a field', () => {
    expect(placesOf(linted(), 'fieldless-range')).toEqual([
      placeOf('query-traps', 'fieldless-range.ts', '>100'),
      placeOf('query-traps', 'fieldless-range.ts', '[a TO c]'),
    ]);
    expect(of('fieldless-range')[0]!.fix).toBe('name the field: e.g. source.port:>100');
  });

  it('says nothing about the same intents written as Elasticsearch reads them', () => {
    expect(linted().filter((f) => f.file.endsWith('/clean.ts'))).toEqual([]);
  });
});

describe('ecs-array-field', () => {
  const linted = fixtureFindings('ecs-array-field');
  const findings = () => linted().filter((f) => f.ruleId === 'ecs-array-field');

  it('is an error on a blacklist/whitelist compare_key that ECS marks as an array, since ElastAlert disables the rule', () => {
    const errors = findings().filter((f) => f.level === 'error');
    expect(errors.map((f) => f.message)).toEqual([
      "compare_key event.category holds an array in ECS: ElastAlert's blacklist looks the whole value up in a set, raises TypeError and disables the rule",
    ]);
    expect(placesOf(errors, 'ecs-array-field')).toEqual([placeOf('ecs-array-field', 'category-blacklist.ts', "'event.category'")]);
  });

  it('warns on a query_key or new_term field that holds arrays, and says nothing of single-valued fields', () => {
    const warnings = findings().filter((f) => f.level === 'warning');
    expect(warnings.map((f) => `${f.file.split('/').pop()}: ${f.message.split(':')[0]}`)).toEqual([
      'category-blacklist.ts: query_key related.ip holds an array in ECS',
      'new-tags.ts: tags holds an array in ECS',
    ]);
    expect(findings().filter((f) => f.file.endsWith('user-whitelist.ts'))).toEqual([]);
  });
});

describe('attack-technique-unknown', () => {
  it('with attackData: warns at each technique id ATT&CK lacks or retired, naming a known parent', async () => {
    const findings = (await lintFixtures('attack-technique-unknown', { attackData: SAMPLE_BUNDLE })).filter((f) => f.ruleId === 'attack-technique-unknown');
    expect(placesOf(findings, 'attack-technique-unknown')).toEqual([
      placeOf('attack-technique-unknown', 'mapped.ts', "'T1111'"),
      placeOf('attack-technique-unknown', 'mapped.ts', "'T1086'"),
      placeOf('attack-technique-unknown', 'mapped.ts', "'T1110.099'"),
    ]);
    expect(findings.map((f) => [f.level, f.message])).toEqual([
      ['warning', 'T1111 is not a technique in ATT&CK 18.1'],
      ['warning', 'T1086 (PowerShell) is revoked or deprecated in ATT&CK 18.1'],
      ['warning', 'T1110.099 is not a technique in ATT&CK 18.1'],
    ]);
    expect(findings[2]!.fix).toContain('T1110 (Brute Force) exists');
  });

  it('stays silent without offline ATT&CK data', async () => {
    expect(placesOf(await lintFixtures('attack-technique-unknown'), 'attack-technique-unknown')).toEqual([]);
  });

  it('reports an attackData file that cannot be read as a usage error', async () => {
    await expect(lintFixtures('attack-technique-unknown', { attackData: '/nonexistent.json' })).rejects.toMatchObject({ code: 'ALERTSMITH_ATTACK_DATA' });
  });
});

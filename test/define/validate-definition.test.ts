import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/define/schema/config.js';
import { validateDefinition } from '../../src/define/validate-definition.js';

const config = configSchema.parse({});
const valid = { id: 'a', name: 'N', description: 'D', index: 'i', type: 'any', xsoar: { type: 'T', severity: 'low' } };

describe('validateDefinition', () => {
  it('collects every issue at once, each at its property path', () => {
    const result = validateDefinition(
      { ...valid, type: 'frequency', num_events: 0, timeframe: '5x', xsoar: { type: 'T', severity: 'hihg', labels: ['a b'] }, bogus: 1 },
      'a',
      config,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['bogus', 'num_events', 'timeframe', 'xsoar.labels[0]', 'xsoar.severity']);
    expect(result.issues.find((i) => i.path === 'xsoar.labels[0]')!.at).toEqual(['xsoar', 'labels', 0]);
    expect(result.issues.find((i) => i.path === 'timeframe')!.message).toMatch(/"5x" is not a duration/);
    expect(result.issues.find((i) => i.path === 'bogus')).toMatchObject({ key: true, message: '"bogus" is not a property of this definition' });
  });

  it('suggests the rule type meant when the type is misspelled, and lists them otherwise', () => {
    const result = validateDefinition({ ...valid, type: 'frequencyy' }, 'a', config);
    expect(!result.ok && result.issues[0]).toMatchObject({ message: 'type is "frequencyy": did you mean "frequency"?', fix: 'write "frequency"' });
    const unknown = validateDefinition({ ...valid, type: 'sigma' }, 'a', config);
    expect(!unknown.ok && unknown.issues[0]!.message).toMatch(/^type is "sigma", which is not allowed: one of any, blacklist, /);
  });

  it('says in words what a value must be, with the value written', () => {
    const result = validateDefinition({ ...valid, type: 'frequency', num_events: 2.5, timeframe: '5m', xsoar: { type: 'T', severity: 'High', customFields: { 'Source IP': 'x' } } }, 'a', config);
    expect(!result.ok && result.issues.map((i) => [i.message, i.fix])).toEqual([
      ['xsoar.severity is "High": did you mean "high"?', 'write "high"'],
      ['xsoar.customFields has the name "Source IP": a custom field machine name is lowercase letters and digits, no spaces (e.g. scanip)', 'write "sourceip" (XSOAR\'s machine name of the field)'],
      ['num_events is 2.5; it must be a whole number', 'write a whole number, e.g. 20'],
    ]);
  });

  it('says which option a rule type misses, and which type an option belongs to', () => {
    const missing = validateDefinition({ ...valid, type: 'frequency', num_events: 5 }, 'a', config);
    expect(!missing.ok && missing.issues).toEqual([
      { path: '(top level)', at: [], message: 'timeframe is missing: type frequency needs it', fix: "add timeframe, e.g. timeframe: '5m'" },
    ]);
    const elsewhere = validateDefinition({ ...valid, num_events: 5 }, 'a', config);
    expect(!elsewhere.ok && elsewhere.issues[0]!.message).toBe('"num_events" is an option of type frequency, not of this rule type');
  });

  it('says the file has no definition when the default export is missing', () => {
    const result = validateDefinition(undefined, 'a', config);
    expect(!result.ok && result.issues[0]!.message).toBe('the file has no default export, so there is no definition in it');
  });

  it('says which of two options a type needs', () => {
    const result = validateDefinition({ ...valid, type: 'cardinality', cardinality_field: 'x', timeframe: '1h' }, 'a', config);
    expect(!result.ok && result.issues).toEqual([{ path: 'max_cardinality', at: ['max_cardinality'], message: 'cardinality needs max_cardinality or min_cardinality' }]);
  });

  it('refuses a lone UTF-16 surrogate anywhere in the rule, naming the field: query, index, filter keys and values', () => {
    const lone = 'bad \ud800 text';
    const result = validateDefinition(
      { ...valid, query: lone, index: `logs-${lone}`, filter: [{ term: { [`user${'\udc00'}`]: 'x' } }, { term: { 'user.name': lone } }], tags: [lone] },
      'a',
      config,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const surrogates = result.issues.filter((i) => /lone UTF-16 surrogate/.test(i.message));
    expect(surrogates.map((i) => i.path).sort()).toEqual(['filter[0].term.user\udc00', 'filter[1].term.user.name', 'index', 'query', 'tags[0]']);
    // A proper pair is text, and is fine.
    expect(validateDefinition({ ...valid, query: 'message:"\u{1F600}"' }, 'a', config).ok).toBe(true);
  });

  it('leaves lone surrogates in test events alone: tests are never written into the rule', () => {
    const tests = [{ name: 'odd text', events: [{ '@timestamp': '2026-01-01T00:00:00Z', message: 'x\ud800' }], expect: { alerts: 1 } }];
    expect(validateDefinition({ ...valid, tests }, 'a', config).ok).toBe(true);
    expect(validateDefinition({ ...valid, tests, query: 'message:x\ud800' }, 'a', config)).toMatchObject({ ok: false, issues: [{ path: 'query' }] });
  });

  it('reports a lone surrogate in a field the schema also checks only once', () => {
    const result = validateDefinition({ ...valid, name: 'x\udfff' }, 'a', config);
    expect(!result.ok && result.issues).toEqual([expect.objectContaining({ path: 'name', at: ['name'], message: expect.stringMatching(/lone UTF-16 surrogate/) })]);
  });

  it('refuses a rule whose command Linux could not execute: one argument over 131,072 bytes, or the whole command over 64 KiB', () => {
    const longest = 'é'.repeat(65_535); // 131,070 bytes: with its flag, over the limit
    const tooLong = validateDefinition({ ...valid, xsoar: { ...valid.xsoar, details: longest } }, 'a', config);
    expect(!tooLong.ok && tooLong.issues).toEqual([{ path: 'xsoar.details', at: ['xsoar', 'details'], message: expect.stringMatching(/argument of 131081 bytes.*MAX_ARG_STRLEN/) }]);
    const fromDescription = validateDefinition({ ...valid, description: 'd'.repeat(140_000) }, 'a', config);
    expect(!fromDescription.ok && fromDescription.issues[0]!.path).toBe('description');
    const wide = validateDefinition({ ...valid, xsoar: { ...valid.xsoar, customFields: { a: 'x'.repeat(40_000), b: 'y'.repeat(30_000) } } }, 'a', config);
    expect(!wide.ok && wide.issues).toEqual([{ path: 'xsoar.customFields.a', at: ['xsoar', 'customFields', 'a'], message: expect.stringMatching(/over alertsmith's budget of 65536 bytes/) }]);
    expect(validateDefinition({ ...valid, xsoar: { ...valid.xsoar, details: 'z'.repeat(60_000) } }, 'a', config).ok).toBe(true);
  });

  it('requires the id to equal the file name', () => {
    const result = validateDefinition(valid, 'b', config);
    expect(!result.ok && result.issues[0]).toEqual({
      path: 'id',
      at: ['id'],
      message: 'the id "a" differs from the file name "b"',
      fix: "rename the file to a.ts or set id: 'b'",
    });
  });

  it('takes index, realert and timestamp_field from the config defaults, and asks for an index when neither has one', () => {
    const { index: _, ...noIndex } = valid;
    const withDefaults = configSchema.parse({ defaults: { index: 'logs-*', realert: '10m', timestamp_field: 'ts' } });
    const result = validateDefinition(noIndex, 'a', withDefaults);
    expect(result.ok && [result.definition.index, result.definition.realert, result.definition.timestamp_field]).toEqual(['logs-*', { minutes: 10 }, 'ts']);
    const missing = validateDefinition(noIndex, 'a', config);
    expect(!missing.ok && missing.issues[0]!.message).toBe('no index: neither this definition nor the config defaults name the indices to search');
    const own = validateDefinition({ ...valid, realert: { hours: 2 } }, 'a', withDefaults);
    expect(own.ok && own.definition.realert).toEqual({ hours: 2 });
  });

  it.each([
    ['a function', { ...valid, name: () => 'x' }, 'name'],
    ['a Date', { ...valid, tags: [new Date(0)] }, 'tags[0]'],
    ['a Map instance', { ...valid, xsoar: new Map() }, 'xsoar'],
    ['a bigint', { ...valid, threshold: 1n }, 'threshold'],
  ])('refuses %s as not plain data, at its path', (_what, input, path) => {
    const result = validateDefinition(input, 'a', config);
    expect(!result.ok && result.issues).toEqual([{ path, at: expect.any(Array), message: expect.stringMatching(/a definition must be plain data/), fix: expect.any(String) }]);
  });

  it('refuses a cycle', () => {
    const cyclic: Record<string, unknown> = { ...valid };
    cyclic.self = cyclic;
    const result = validateDefinition(cyclic, 'a', config);
    expect(!result.ok && result.issues[0]!.message).toMatch(/cycle/);
  });

  it('refuses DSL keys that ElastAlert 2 could expand or that are not ASCII', () => {
    const result = validateDefinition({ ...valid, filter: [{ term: { $HOME: 'x' } }] }, 'a', config);
    expect(!result.ok && result.issues[0]!.message).toMatch(/printable ASCII without "\$"/);
  });

  it('refuses a NUL in text that becomes a command argument', () => {
    const result = validateDefinition({ ...valid, name: 'a\0b' }, 'a', config);
    expect(!result.ok && result.issues[0]!.message).toMatch(/NUL/);
  });
});

describe('the change rule type', () => {
  it('requires query_key', () => {
    const result = validateDefinition({ ...valid, type: 'change', compare_key: 'x', ignore_null: true }, 'a', config);
    expect(!result.ok && result.issues).toEqual([{ path: 'query_key', at: ['query_key'], message: 'change needs query_key: whose value is compared' }]);
  });
});


describe('the config engine', () => {
  it('defaults to Elasticsearch and accepts OpenSearch, nothing else', () => {
    expect(configSchema.parse({}).engine).toBe('elasticsearch');
    expect(configSchema.parse({ engine: 'opensearch' }).engine).toBe('opensearch');
    expect(configSchema.safeParse({ engine: 'solr' }).success).toBe(false);
  });
});

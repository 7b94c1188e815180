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
    expect(result.issues.find((i) => i.path === 'timeframe')!.message).toMatch(/"5x" is not a duration/);
    expect(result.issues.find((i) => i.path === 'bogus')!.message).toMatch(/not a known property/);
  });

  it('names the rule types when the type is wrong', () => {
    const result = validateDefinition({ ...valid, type: 'frequencyy' }, 'a', config);
    expect(!result.ok && result.issues[0]!.message).toMatch(/type must be one of any, blacklist/);
  });

  it('says which of two options a type needs', () => {
    const result = validateDefinition({ ...valid, type: 'cardinality', cardinality_field: 'x', timeframe: '1h' }, 'a', config);
    expect(!result.ok && result.issues).toEqual([{ path: 'max_cardinality', message: 'cardinality needs max_cardinality or min_cardinality' }]);
  });

  it('requires the id to equal the file name', () => {
    const result = validateDefinition(valid, 'b', config);
    expect(!result.ok && result.issues[0]).toEqual({ path: 'id', message: 'is "a" but the file is named "b": they must be equal' });
  });

  it('takes index, realert and timestamp_field from the config defaults, and asks for an index when neither has one', () => {
    const { index: _, ...noIndex } = valid;
    const withDefaults = configSchema.parse({ defaults: { index: 'logs-*', realert: '10m', timestamp_field: 'ts' } });
    const result = validateDefinition(noIndex, 'a', withDefaults);
    expect(result.ok && [result.definition.index, result.definition.realert, result.definition.timestamp_field]).toEqual(['logs-*', { minutes: 10 }, 'ts']);
    const missing = validateDefinition(noIndex, 'a', config);
    expect(!missing.ok && missing.issues[0]!.path).toBe('index');
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
    expect(!result.ok && result.issues).toEqual([{ path, message: expect.stringMatching(/a definition must be plain data/) }]);
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
    expect(!result.ok && result.issues).toEqual([{ path: 'query_key', message: 'change needs query_key: whose value is compared' }]);
  });
});


describe('the config engine', () => {
  it('defaults to Elasticsearch and accepts OpenSearch, nothing else', () => {
    expect(configSchema.parse({}).engine).toBe('elasticsearch');
    expect(configSchema.parse({ engine: 'opensearch' }).engine).toBe('opensearch');
    expect(configSchema.safeParse({ engine: 'solr' }).success).toBe(false);
  });
});

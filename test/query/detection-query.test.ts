import { describe, expect, it } from 'vitest';
import { compileDetectionFilter, detectionClauses, listEntryClause, listFilterQuery } from '../../src/query/detection-query.js';
import type { QueryError } from '../../src/query/query-error.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const doc = { user: { name: 'root' }, event: { outcome: 'failure' }, data_stream: { dataset: 'auth' } };

function errorOf(f: () => unknown): [string, string] {
  try {
    f();
  } catch (e) {
    return [(e as QueryError).code, (e as QueryError).message];
  }
  throw new Error('no error');
}

describe('detectionClauses', () => {
  it('puts the Lucene query first, wrapped as ElastAlert writes it, then the DSL clauses', () => {
    expect(detectionClauses({ query: 'a:b', filter: [{ term: { c: 'd' } }] })).toEqual([
      { query: { query_string: { query: 'a:b' } } },
      { term: { c: 'd' } },
    ]);
    expect(detectionClauses({})).toEqual([]);
    expect(detectionClauses({ query: '' })).toEqual([{ query: { query_string: { query: '' } } }]);
  });
});

describe('compileDetectionFilter', () => {
  it('ANDs the query and every filter clause', () => {
    const m = (def: Parameters<typeof compileDetectionFilter>[0]) => compileDetectionFilter(def, { now: NOW })(doc);
    expect(m({ query: 'user.name:root', filter: [{ term: { 'event.outcome': 'failure' } }] })).toBe(true);
    expect(m({ query: 'user.name:root', filter: [{ term: { 'event.outcome': 'success' } }] })).toBe(false);
    expect(m({ query: 'user.name:admin', filter: [{ term: { 'event.outcome': 'failure' } }] })).toBe(false);
    expect(m({})).toBe(true);
  });

  it('names where a problem is: the query, or the filter clause counted without the query', () => {
    expect(errorOf(() => compileDetectionFilter({ query: 'x', filter: [{ match_all: {} }, { nested: {} }] }, { now: NOW }))[1]).toContain('filter[1].nested');
    expect(errorOf(() => compileDetectionFilter({ filter: [{ nested: {} }] }, { now: NOW }))[1]).toContain('filter[0].nested');
    expect(errorOf(() => compileDetectionFilter({ query: 'nope.field:x' }, { now: NOW }))[0]).toBe('ALERTSMITH_FIELD_TYPE_UNKNOWN');
    // The filter list is ElastAlert's top level, where a { query: ... } wrapper is unwrapped.
    expect(compileDetectionFilter({ filter: [{ query: { term: { 'user.name': 'root' } } }] }, { now: NOW })(doc)).toBe(true);
  });

  it('types eventFields, and gives a constant_keyword field the first value the index holds', () => {
    expect(compileDetectionFilter({ query: 'app.id:>5', eventFields: { 'app.id': 'long' } }, { now: NOW })({ app: { id: 7 } })).toBe(true);
    const def = { query: 'data_stream.dataset:auth' };
    expect(compileDetectionFilter(def, { now: NOW, indexDocuments: [{ data_stream: { dataset: 'auth' } }] })({})).toBe(true);
    expect(compileDetectionFilter(def, { now: NOW, indexDocuments: [{ data_stream: { dataset: 'web' } }, doc] })(doc)).toBe(false);
    expect(compileDetectionFilter(def, { now: NOW })({})).toBe(false);
  });

  it('adds the query ElastAlert adds to a blacklist or whitelist rule', () => {
    const black = { type: 'blacklist', compare_key: 'user.name', blacklist: ['root', '/adm.*/'] };
    expect(compileDetectionFilter(black, { now: NOW })(doc)).toBe(true);
    expect(compileDetectionFilter(black, { now: NOW })({ user: { name: 'admin' } })).toBe(true);
    expect(compileDetectionFilter(black, { now: NOW })({ user: { name: 'guest' } })).toBe(false);
    const white = { type: 'whitelist', compare_key: 'user.name', whitelist: ['root'] };
    expect(compileDetectionFilter(white, { now: NOW })(doc)).toBe(false);
    expect(compileDetectionFilter(white, { now: NOW })({ user: { name: 'guest' } })).toBe(true);
  });
});

describe('listFilterQuery', () => {
  it('writes the blacklist as alternatives and the whitelist as exclusions, regular expressions unquoted', () => {
    expect(listFilterQuery({ type: 'blacklist', compare_key: 'k', blacklist: ['a', '/b.*/'] })).toBe('k:"a" OR k:/b.*/');
    expect(listFilterQuery({ type: 'whitelist', compare_key: 'k', whitelist: ['a', 'b'] })).toBe('NOT k:"a" AND NOT k:"b"');
    expect(listEntryClause('k', '/')).toBe('k:/');
    expect(listEntryClause('k', '/a')).toBe('k:"/a"');
    expect(listEntryClause('k', 'a/')).toBe('k:"a/"');
  });

  it('adds nothing to other rule types, or without a list or a compare_key', () => {
    expect(listFilterQuery({ type: 'frequency', compare_key: 'k', blacklist: ['a'] })).toBeUndefined();
    expect(listFilterQuery({ type: 'frequency', compare_key: 'k', whitelist: ['a'] })).toBeUndefined();
    expect(listFilterQuery({ type: 'blacklist', compare_key: 'k', whitelist: ['a'] })).toBeUndefined();
    expect(listFilterQuery({ type: 'whitelist', compare_key: 'k', blacklist: ['a'] })).toBeUndefined();
    expect(listFilterQuery({ type: 'blacklist', compare_key: ['k'], blacklist: ['a'] })).toBeUndefined();
  });
});

describe('constant_keyword values from the index', () => {
  it('skip an object where the value should be, and take the first text or number after it', () => {
    const def = { query: 'data_stream.dataset:auth' };
    const docs = [{ data_stream: { dataset: { nested: 1 } } }, { data_stream: { dataset: 'auth' } }];
    expect(compileDetectionFilter(def, { now: NOW, indexDocuments: docs })({})).toBe(true);
  });
});

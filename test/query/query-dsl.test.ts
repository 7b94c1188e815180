import { describe, expect, it } from 'vitest';
import { compileDetectionFilter } from '../../src/query/detection-query.js';
import { QueryError } from '../../src/query/query-error.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

function matches(filter: Record<string, unknown>, doc: Record<string, unknown>): boolean {
  return compileDetectionFilter({ filter: [filter] }, { now: NOW })(doc);
}

function errorOf(filter: Record<string, unknown>): QueryError {
  try {
    compileDetectionFilter({ filter: [filter] }, { now: NOW });
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error('no error');
}

const doc = {
  '@timestamp': '2026-03-10T11:55:00Z',
  event: { outcome: 'failure', code: 4625 },
  user: { name: 'Admin' },
  source: { ip: '192.168.1.20', port: 50123 },
  message: 'An account failed to log on',
};

describe('bool', () => {
  it('requires every must and filter clause and no must_not clause', () => {
    expect(matches({ bool: { must: [{ term: { 'event.outcome': 'failure' } }], filter: { term: { 'user.name': 'Admin' } } } }, doc)).toBe(true);
    expect(matches({ bool: { must: { term: { 'event.outcome': 'failure' } }, must_not: { term: { 'user.name': 'Admin' } } } }, doc)).toBe(false);
  });

  it('needs one should clause when there is no must or filter clause', () => {
    expect(matches({ bool: { should: [{ term: { 'user.name': 'x' } }, { term: { 'user.name': 'Admin' } }] } }, doc)).toBe(true);
    expect(matches({ bool: { should: [{ term: { 'user.name': 'x' } }] } }, doc)).toBe(false);
  });

  it('makes should clauses optional next to a must clause', () => {
    expect(matches({ bool: { must: { term: { 'user.name': 'Admin' } }, should: { term: { 'user.name': 'x' } } } }, doc)).toBe(true);
  });

  it('honours minimum_should_match as a count, a percentage and a negative count', () => {
    const should = [{ term: { 'user.name': 'Admin' } }, { term: { 'event.outcome': 'failure' } }, { term: { 'user.name': 'x' } }];
    expect(matches({ bool: { should, minimum_should_match: 2 } }, doc)).toBe(true);
    expect(matches({ bool: { should, minimum_should_match: 3 } }, doc)).toBe(false);
    expect(matches({ bool: { should, minimum_should_match: '67%' } }, doc)).toBe(true);
    expect(matches({ bool: { should, minimum_should_match: -1 } }, doc)).toBe(true);
  });

  it('matches everything but must_not when it has only must_not', () => {
    expect(matches({ bool: { must_not: { term: { 'user.name': 'x' } } } }, doc)).toBe(true);
  });
});

describe('term-level clauses', () => {
  it('term is exact on keyword and may be case-insensitive', () => {
    expect(matches({ term: { 'user.name': 'admin' } }, doc)).toBe(false);
    expect(matches({ term: { 'user.name': { value: 'admin', case_insensitive: true } } }, doc)).toBe(true);
  });

  it('term on a text field is compared with the analysed tokens, unanalysed', () => {
    expect(matches({ term: { message: 'account' } }, doc)).toBe(true);
    expect(matches({ term: { message: 'An' } }, doc)).toBe(false);
  });

  it('terms matches any of its values, numbers included', () => {
    // event.code is a keyword in ECS: the number 4625 is indexed, and queried, as the text "4625".
    expect(matches({ terms: { 'event.code': [4624, 4625] } }, doc)).toBe(true);
    expect(matches({ terms: { 'event.code': [4624] } }, doc)).toBe(false);
    expect(matches({ terms: { 'event.code': ['4624', '4625'] } }, doc)).toBe(true);
    expect(matches({ terms: { 'source.port': [22, 50123] } }, doc)).toBe(true);
  });

  it('range takes gt, gte, lt, lte and the older from/to', () => {
    expect(matches({ range: { 'source.port': { gte: 50123, lt: 50124 } } }, doc)).toBe(true);
    expect(matches({ range: { 'source.port': { gt: 50123 } } }, doc)).toBe(false);
    expect(matches({ range: { 'source.port': { from: 50123, to: 50123, include_upper: false } } }, doc)).toBe(false);
    expect(matches({ range: { '@timestamp': { gte: 'now-10m' } } }, doc)).toBe(true);
    expect(matches({ range: { '@timestamp': { gt: 'now-5m' } } }, doc)).toBe(false);
  });

  it('range rounds an inclusive upper date bound up to the end of the unit', () => {
    expect(matches({ range: { '@timestamp': { lte: 'now/h-1h' } } }, doc)).toBe(true);
    expect(matches({ range: { '@timestamp': { lt: 'now/h' } } }, doc)).toBe(true);
    expect(matches({ range: { '@timestamp': { lt: 'now/h-1h' } } }, doc)).toBe(false);
  });

  it('exists, wildcard, prefix and regexp work on keyword values', () => {
    expect(matches({ exists: { field: 'user.name' } }, doc)).toBe(true);
    expect(matches({ exists: { field: 'host.name' } }, doc)).toBe(false);
    expect(matches({ wildcard: { 'user.name': 'Ad*' } }, doc)).toBe(true);
    expect(matches({ wildcard: { 'user.name': { value: 'ad*', case_insensitive: true } } }, doc)).toBe(true);
    expect(matches({ prefix: { 'user.name': 'Adm' } }, doc)).toBe(true);
    expect(matches({ prefix: { 'user.name': 'adm' } }, doc)).toBe(false);
    expect(matches({ regexp: { 'user.name': 'A[a-z]+' } }, doc)).toBe(true);
  });

  it('a CIDR term matches an ip field', () => {
    expect(matches({ term: { 'source.ip': '192.168.0.0/16' } }, doc)).toBe(true);
  });
});

describe('full-text clauses', () => {
  it('match analyses the query and needs any token, or all with operator and', () => {
    expect(matches({ match: { message: 'FAILED nothing' } }, doc)).toBe(true);
    expect(matches({ match: { message: { query: 'failed nothing', operator: 'and' } } }, doc)).toBe(false);
    expect(matches({ match: { message: { query: 'failed account nothing', minimum_should_match: 2 } } }, doc)).toBe(true);
  });

  it('match on a keyword field is an exact term', () => {
    expect(matches({ match: { 'user.name': 'Admin' } }, doc)).toBe(true);
    expect(matches({ match: { 'user.name': 'admin' } }, doc)).toBe(false);
  });

  it('match_phrase needs the tokens in a row', () => {
    expect(matches({ match_phrase: { message: 'failed to log' } }, doc)).toBe(true);
    expect(matches({ match_phrase: { message: 'failed log' } }, doc)).toBe(false);
  });

  it('query_string takes default_field and fields', () => {
    expect(matches({ query_string: { query: 'admin', default_field: 'user.name' } }, doc)).toBe(false);
    expect(matches({ query_string: { query: 'Admin', fields: ['host.name', 'user.name'] } }, doc)).toBe(true);
  });

  it('a { query: X } wrapper is unwrapped, as ElastAlert does', () => {
    expect(matches({ query: { term: { 'user.name': 'Admin' } } }, doc)).toBe(true);
  });
});

describe('what the evaluator refuses', () => {
  it('names an unknown clause with its place', () => {
    const e = errorOf({ bool: { must: [{ nested: { path: 'x', query: {} } }] } });
    expect(e.code).toBe('ALERTSMITH_QUERY_UNSUPPORTED');
    expect(e.message).toContain('"nested"');
    expect(e.message).toContain('filter[0].bool.must[0]');
  });

  it('names an option it does not follow', () => {
    expect(errorOf({ match: { message: { query: 'x', fuzziness: 'AUTO' } } }).message).toContain('fuzziness');
    expect(errorOf({ range: { '@timestamp': { gte: 'now-1d', time_zone: 'Europe/Paris' } } }).message).toContain('time_zone');
  });

  it('refuses a terms lookup', () => {
    expect(errorOf({ terms: { 'user.name': { index: 'users', id: '1', path: 'names' } } }).message).toContain('terms lookup');
  });
});

describe('multi_match', () => {
  it('matches when the match query matches on any of its fields, boosts ignored', () => {
    expect(matches({ multi_match: { query: 'Admin', fields: ['user.name', 'host.name'] } }, doc)).toBe(true);
    expect(matches({ multi_match: { query: 'account failed', fields: ['message^2', 'user.name'], operator: 'and' } }, doc)).toBe(true);
    expect(matches({ multi_match: { query: 'account Admin', fields: ['message', 'user.name'], operator: 'and' } }, doc)).toBe(false);
  });

  it('searches every field leniently without fields, and phrases with type phrase', () => {
    expect(matches({ multi_match: { query: '50123' } }, doc)).toBe(true);
    expect(matches({ multi_match: { query: 'failed to', fields: ['message'], type: 'phrase' } }, doc)).toBe(true);
    expect(matches({ multi_match: { query: 'to failed', fields: ['message'], type: 'phrase' } }, doc)).toBe(false);
  });

  it('refuses the types it does not evaluate, naming them', () => {
    expect(errorOf({ multi_match: { query: 'x', type: 'cross_fields' } }).message).toContain('multi_match of type "cross_fields"');
  });
});

import { describe, expect, it } from 'vitest';
import { compileDetectionFilter } from '../../src/query/detection-query.js';
import { QueryError } from '../../src/query/query-error.js';
import { FieldTypes } from '../../src/query/field-types.js';
import { compileDsl } from '../../src/query/query-dsl.js';

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

describe('malformed and unsupported clauses', () => {
  it('refuses each with its code, the place in the filter and what to write instead', () => {
    const cases: [unknown, string, string][] = [
      ["x", 'ALERTSMITH_QUERY_SYNTAX', "filter[0]: a query clause is an object such as { term: { field: value } }"],
      [{}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0]: a query clause has exactly one key (the query type); got none"],
      [{"term":{},"terms":{}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0]: a query clause has exactly one key (the query type); got term, terms"],
      [{"bool":{"must":{"query":{"term":{"user.name":"a"}}}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].bool.must.query: a { query: ... } wrapper is only unwrapped at the top of the filter list: write the clause itself here"],
      [{"constant_score":{"filter":{"match_all":{}},"score":1}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "the option \"score\" of filter[0].constant_score is not supported by the offline evaluator"],
      [{"match_all":{"x":1}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "the option \"x\" of filter[0].match_all is not supported by the offline evaluator"],
      [{"match_none":{"boost":1}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "the option \"boost\" of filter[0].match_none is not supported by the offline evaluator"],
      [{"exists":{"field":1}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].exists: exists takes { field: \"name\" }"],
      [{"exists":"user.name"}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].exists: expected an object"],
      [{"term":{"user.name":{"case_insensitive":true}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].term.user.name: missing \"value\""],
      [{"term":{}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].term: takes exactly one field; got none"],
      [{"term":{"a":1,"b":2}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].term: takes exactly one field; got a, b"],
      [{"term":{"user.name":{"value":"a","foo":1}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "the option \"foo\" of filter[0].term.user.name is not supported by the offline evaluator"],
      [{"terms":{"user.name":["a"],"host.name":["b"]}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].terms: terms takes one field: { terms: { field: [values] } }"],
      [{"terms":{"boost":1}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].terms: terms takes one field: { terms: { field: [values] } }"],
      [{"match":{"message":{"query":{}}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].match: match takes a string, number or boolean"],
      [{"match":{"message":{"query":"x","operator":"xor"}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].match: operator is \"or\" or \"and\""],
      [{"match":{"message":{"query":"x","analyzer":"whitespace"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "filter[0].match with analyzer \"whitespace\" is not supported by the offline evaluator"],
      [{"match":{"message":{"query":"x","zero_terms_query":"all"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "filter[0].match with zero_terms_query \"all\" is not supported by the offline evaluator"],
      [{"match":{"message":{"query":"x","minimum_should_match":"lots"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "minimum_should_match \"lots\" of filter[0].match is not supported by the offline evaluator"],
      [{"match_phrase":{"message":{"query":"x","slop":-1}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].match_phrase: slop is a whole number of positions"],
      [{"match_phrase":{"message":{"query":"x","slop":1.5}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].match_phrase: slop is a whole number of positions"],
      [{"match_phrase":{"message":{"query":"x","analyzer":"simple"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "filter[0].match_phrase with analyzer \"simple\" is not supported by the offline evaluator"],
      [{"wildcard":{"user.name":{"value":1}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].wildcard: the value must be a string"],
      [{"prefix":{"user.name":5}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].prefix: the value must be a string"],
      [{"regexp":{"user.name":{"value":"a.*","flags":"NONE"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "filter[0].regexp with flags \"NONE\" is not supported by the offline evaluator"],
      [{"range":{"a":{},"b":{}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].range: range takes exactly one field"],
      [{"range":{"@timestamp":{"gte":"now","format":"yyyy"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "the format option of filter[0].range.@timestamp is not supported by the offline evaluator: write dates as ISO 8601 or epoch milliseconds"],
      [{"range":{"@timestamp":{"gte":"now","relation":"within"}}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "relation \"within\" of filter[0].range.@timestamp is not supported by the offline evaluator"],
      [{"range":{"@timestamp":"x"}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].range.@timestamp: expected an object"],
      [{"multi_match":{"query":{}}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].multi_match: multi_match takes { query: \"...\", fields: [...] }"],
      [{"multi_match":{"query":"x","fields":"message"}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].multi_match: fields is a list of field names"],
      [{"multi_match":{"query":"x","fields":[1]}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].multi_match: fields is a list of field names"],
      [{"multi_match":{"query":"x","slop":1}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "filter[0].multi_match with slop 1 is not supported by the offline evaluator"],
      [{"query_string":{"query":1}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].query_string: query_string takes { query: \"...\" }"],
      [{"query_string":{"query":"x","analyze_wildcard":true}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "analyze_wildcard: true of filter[0].query_string is not supported by the offline evaluator"],
      [{"query_string":{"query":"x","phrase_slop":1}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "phrase_slop of filter[0].query_string is not supported by the offline evaluator"],
      [{"query_string":{"query":"x","fields":"a"}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].query_string: fields is a list of field names"],
      [{"query_string":{"query":"x","fields":[2]}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].query_string: fields is a list of field names"],
      [{"query_string":{"query":"x","default_field":3}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].query_string: default_field is a field name"],
      [{"query_string":{"query":"x","default_operator":"xor"}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].query_string: default_operator is OR or AND"],
      [{"bool":{"should":[{"match_all":{}}],"minimum_should_match":"most"}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "minimum_should_match \"most\" of filter[0].bool is not supported by the offline evaluator: use an integer or a percentage"],
      [{"bool":{"must":"x"}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].bool.must: a query clause is an object such as { term: { field: value } }"],
      [{"bool":{"must":["x"]}}, 'ALERTSMITH_QUERY_SYNTAX', "filter[0].bool.must[0]: a query clause is an object such as { term: { field: value } }"],
      [{"geo_shape":{}}, 'ALERTSMITH_QUERY_UNSUPPORTED', "the query clause \"geo_shape\" (at filter[0].geo_shape) is not supported by the offline evaluator: use bool, term, terms, match, multi_match, match_phrase, range, exists, wildcard, prefix, regexp or query_string"],
    ];
    for (const [clause, code, message] of cases) {
      const e = errorOf(clause as Record<string, unknown>);
      expect([e.code, e.message], JSON.stringify(clause)).toEqual([code, message]);
    }
  });

  it('accepts every option of each clause that does not change what matches, or that it follows', () => {
    const accepted: Record<string, unknown>[] = [
      { constant_score: { filter: { term: { 'user.name': 'Admin' } }, boost: 2, _name: 'c' } },
      { match_all: { boost: 1, _name: 'all' } },
      { bool: { must: { match_all: {} }, must_not: { match_none: { _name: 'none' } } } },
      { exists: { field: 'user.name', boost: 1, _name: 'e' } },
      { term: { 'user.name': { value: 'admin', boost: 1, case_insensitive: true, _name: 't' } } },
      { terms: { 'user.name': ['x', 'Admin'], boost: 1, _name: 'ts' } },
      {
        match: {
          message: {
            query: 'account', operator: 'or', minimum_should_match: 1, boost: 1, _name: 'm', analyzer: 'standard', lenient: false,
            zero_terms_query: 'none', auto_generate_synonyms_phrase_query: true,
          },
        },
      },
      { match_phrase: { message: { query: 'account failed', slop: 0, boost: 1, _name: 'p', analyzer: 'standard' } } },
      { wildcard: { 'user.name': { wildcard: 'Ad*', boost: 1, case_insensitive: false, rewrite: 'constant_score', _name: 'w' } } },
      { prefix: { 'user.name': { value: 'Ad', boost: 1, case_insensitive: false, rewrite: 'constant_score', _name: 'pr' } } },
      { regexp: { 'user.name': { value: 'Ad.*', flags: 'ALL', boost: 1, case_insensitive: false, max_determinized_states: 10000, rewrite: 'constant_score', _name: 'r' } } },
      {
        range: {
          'source.port': { gt: 1, gte: 2, lt: 60000, lte: 59999, time_zone: 'Z', relation: 'intersects', boost: 1, _name: 'rg' },
        },
      },
      { range: { 'source.port': { from: 50123, to: 50123, include_lower: true, include_upper: true } } },
      {
        multi_match: {
          query: 'Admin', fields: ['user.name'], type: 'best_fields', operator: 'or', minimum_should_match: '100%', lenient: true, boost: 1,
          _name: 'mm', tie_breaker: 0.3, analyzer: 'standard', zero_terms_query: 'none', auto_generate_synonyms_phrase_query: false, slop: 0,
        },
      },
      { multi_match: { query: 'Admin', fields: ['user.name'], type: 'most_fields' } },
      {
        query_string: {
          query: 'Admin', default_field: 'user.name', default_operator: 'and', lenient: true, analyze_wildcard: false,
          allow_leading_wildcard: true, time_zone: 'UTC', boost: 1, _name: 'q', auto_generate_synonyms_phrase_query: true, phrase_slop: 0,
        },
      },
      { bool: { must: [], filter: [], should: [{ match_all: {} }], must_not: [], minimum_should_match: 1, boost: 1, _name: 'b' } },
    ];
    for (const clause of accepted) expect(matches(clause, doc), JSON.stringify(clause)).toBe(true);
  });

  it('reads the older from/to range form as inclusive unless include_lower or include_upper say otherwise', () => {
    const port = (spec: Record<string, unknown>) => matches({ range: { 'source.port': spec } }, doc);
    expect(port({ from: 50123, include_lower: false })).toBe(false);
    expect(port({ from: 50123 })).toBe(true);
    expect(port({ to: 50123, include_upper: false })).toBe(false);
    expect(port({ to: 50123 })).toBe(true);
    expect(port({ from: null, to: null, gt: null })).toBe(true);
  });

  it('refuses a leading wildcard in query_string only when allow_leading_wildcard is false', () => {
    expect(matches({ query_string: { query: 'user.name:*dmin' } }, doc)).toBe(true);
    expect(errorOf({ query_string: { query: 'user.name:*dmin', allow_leading_wildcard: false } }).code).toBe('ALERTSMITH_QUERY_SYNTAX');
  });
});

describe('values and options each clause reads', () => {
  const port = (p: number) => ({ source: { port: p } });

  it('matches a number or a boolean given to match or multi_match', () => {
    expect(matches({ match: { 'source.port': 22 } }, port(22))).toBe(true);
    expect(matches({ match: { 'tls.established': true } }, { tls: { established: true } })).toBe(true);
    expect(matches({ multi_match: { query: 22, fields: ['source.port'] } }, port(22))).toBe(true);
    expect(matches({ multi_match: { query: false, fields: ['tls.established'] } }, { tls: { established: false } })).toBe(true);
  });

  it('is case-sensitive in wildcard, prefix and regexp unless case_insensitive is true', () => {
    const admin = { user: { name: 'admin' } };
    expect(matches({ wildcard: { 'user.name': { value: 'ADM*' } } }, admin)).toBe(false);
    expect(matches({ prefix: { 'user.name': { value: 'ADM' } } }, admin)).toBe(false);
    expect(matches({ prefix: { 'user.name': { value: 'ADM', case_insensitive: true } } }, admin)).toBe(true);
    expect(matches({ regexp: { 'user.name': 'ADM.*' } }, admin)).toBe(false);
    expect(matches({ regexp: { 'user.name': { value: 'ADM.*', case_insensitive: true } } }, admin)).toBe(true);
  });

  it('does not lowercase a prefix on a text field (the DSL, unlike query_string, does not analyse it)', () => {
    expect(matches({ prefix: { message: 'Fail' } }, { message: 'failed' })).toBe(false);
    expect(matches({ prefix: { message: 'fail' } }, { message: 'Failed' })).toBe(true);
  });

  it('keeps lte and the inclusive from/to bounds', () => {
    expect(matches({ range: { 'source.port': { lte: 80 } } }, port(81))).toBe(false);
    expect(matches({ range: { 'source.port': { lte: 80 } } }, port(80))).toBe(true);
    expect(matches({ range: { 'source.port': { from: 22 } } }, port(21))).toBe(false);
    expect(matches({ range: { 'source.port': { from: 22 } } }, port(22))).toBe(true);
    expect(matches({ range: { 'source.port': { to: 80 } } }, port(81))).toBe(false);
    expect(matches({ range: { 'source.port': { to: 80 } } }, port(80))).toBe(true);
  });

  it('reads multi_match as a match per field unless its type is phrase', () => {
    const failed = { message: 'Failed password' };
    expect(matches({ multi_match: { query: 'password failed', fields: ['message'] } }, failed)).toBe(true);
    expect(matches({ multi_match: { query: 'password failed', fields: ['message'], type: 'phrase' } }, failed)).toBe(false);
  });

  it('follows multi_match\'s lenient over the one its fields imply', () => {
    expect(matches({ multi_match: { query: 'abc', fields: ['source.port'], lenient: true } }, port(22))).toBe(false);
    expect(() => matches({ multi_match: { query: 'abc', lenient: false } }, port(22))).toThrow('query value "abc" for long field "source.port" is not a number');
  });

  it('drops a boost of several digits from the field names of query_string and multi_match', () => {
    const admin = { user: { name: 'admin' } };
    expect(matches({ query_string: { query: 'admin', fields: ['user.name^2.5'] } }, admin)).toBe(true);
    expect(matches({ query_string: { query: 'admin', fields: ['user.name^10'] } }, admin)).toBe(true);
    expect(matches({ multi_match: { query: 'admin', fields: ['user.name^1.5'] } }, admin)).toBe(true);
  });
});

describe('errors name where the clause is', () => {
  it('names the path inside constant_score', () => {
    expect(errorOf({ constant_score: { filter: { bogus: {} } } }).message).toContain('filter[0].constant_score.filter.bogus');
  });

  it('starts the path at "filter" when compileDsl is called without one', () => {
    const ctx = { now: NOW, fields: new FieldTypes() };
    expect(() => compileDsl({ bogus: {} }, ctx)).toThrow('the query clause "bogus" (at filter.bogus)');
  });

  it('says how to write a terms query whose values are a lookup', () => {
    expect(errorOf({ terms: { 'user.name': { index: 'users', id: '1', path: 'names' } } }).message).toContain('list the values: { terms: { field: [a, b] } }');
  });

  it('lists the multi_match types it evaluates', () => {
    expect(errorOf({ multi_match: { query: 'x', type: 'cross_fields' } }).message).toContain('use best_fields, most_fields or phrase');
  });

  it('refuses fields lists holding something other than names', () => {
    expect(errorOf({ multi_match: { query: 'x', fields: ['user.name', 5] } }).message).toContain('fields is a list of field names');
    expect(errorOf({ query_string: { query: 'x', fields: ['user.name', 5] } }).message).toContain('fields is a list of field names');
  });
});

import { describe, expect, it } from 'vitest';
import { compileDetectionFilter } from '../../src/query/detection-query.js';
import type { QueryError } from '../../src/query/query-error.js';
import { fieldCondition } from '../../src/query/field-conditions.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const eventFields = {
  'n.int': 'long', 'n.flt': 'double', 'n.ip': 'ip', 'n.bool': 'boolean', 'n.kw': 'keyword', 'n.txt': 'text', 'n.wc': 'wildcard',
  'n.geo': 'geo_point', 'n.obj': 'object', 'n.date': 'date',
} as const;

function run(filter: unknown, doc: unknown): boolean {
  return compileDetectionFilter({ filter: [filter as Record<string, unknown>], eventFields }, { now: NOW })(doc as Record<string, unknown>);
}

function failure(filter: unknown, doc: unknown): [string, string] | undefined {
  try {
    run(filter, doc);
  } catch (e) {
    return [(e as QueryError).code, (e as QueryError).message];
  }
  return undefined;
}

describe('values a field type cannot take', () => {
  it('are refused with the value, the field, its type and what Elasticsearch expects', () => {
    const cases: [unknown, unknown, string, string][] = [
      [{"term": {"n.int": "abc"}}, {"n": {"int": 1}}, "ALERTSMITH_QUERY_VALUE", "query value \"abc\" for long field \"n.int\" is not a number: Elasticsearch would reject the query"],
      [{"term": {"n.int": 1}}, {"n": {"int": "abc"}}, "ALERTSMITH_QUERY_VALUE", "event value \"abc\" of long field \"n.int\" would be rejected by Elasticsearch: expected a number"],
      [{"term": {"n.ip": "x"}}, {"n": {"ip": "1.2.3.4"}}, "ALERTSMITH_QUERY_VALUE", "query value \"x\" for ip field \"n.ip\" is not an IP address or CIDR block: Elasticsearch would reject the query"],
      [{"term": {"n.ip": "1.2.3.4"}}, {"n": {"ip": 5}}, "ALERTSMITH_QUERY_VALUE", "event value 5 of ip field \"n.ip\" would be rejected by Elasticsearch: expected an IP address"],
      [{"term": {"n.bool": "yes"}}, {"n": {"bool": true}}, "ALERTSMITH_QUERY_VALUE", "query value \"yes\" for boolean field \"n.bool\" is not true or false: Elasticsearch would reject the query"],
      [{"term": {"n.bool": true}}, {"n": {"bool": "yes"}}, "ALERTSMITH_QUERY_VALUE", "event value \"yes\" of boolean field \"n.bool\" would be rejected by Elasticsearch: expected true or false"],
      [{"term": {"n.kw": "a"}}, {"n": {"kw": {"a": 1}}}, "ALERTSMITH_QUERY_VALUE", "event value {\"a\":1} of keyword field \"n.kw\" would be rejected by Elasticsearch"],
      [{"match": {"n.txt": "a"}}, {"n": {"txt": {"a": 1}}}, "ALERTSMITH_QUERY_VALUE", "event value {\"a\":1} of text field \"n.txt\" would be rejected by Elasticsearch: expected text"],
      [{"term": {"n.kw": {"value": ["a"]}}}, {"n": {"kw": "a"}}, "ALERTSMITH_QUERY_VALUE", "query value [\"a\"] for keyword field \"n.kw\" is not a string, number or boolean: Elasticsearch would reject the query"],
      [{"range": {"n.ip": {"gte": "x"}}}, {"n": {"ip": "1.2.3.4"}}, "ALERTSMITH_QUERY_VALUE", "query value \"x\" for ip field \"n.ip\" is not an IP address: Elasticsearch would reject the query"],
      [{"wildcard": {"n.int": "a*"}}, {"n": {"int": 1}}, "ALERTSMITH_QUERY_VALUE", "a wildcard query on field \"n.int\" of type long: Elasticsearch only runs wildcard queries on keyword and text fields"],
      [{"regexp": {"n.ip": "a.*"}}, {"n": {"ip": "1.2.3.4"}}, "ALERTSMITH_QUERY_VALUE", "a regexp query on field \"n.ip\" of type ip: Elasticsearch only runs regexp queries on keyword and text fields"],
      [{"prefix": {"n.date": "a"}}, {"n": {"date": "2026-01-01"}}, "ALERTSMITH_QUERY_VALUE", "a prefix query on field \"n.date\" of type date: Elasticsearch only runs prefix queries on keyword and text fields"],
      [{"term": {"n.geo": "x"}}, {"n": {"geo": "x"}}, "ALERTSMITH_QUERY_UNSUPPORTED", "a term query on field \"n.geo\" of type geo_point is not supported by the offline evaluator: only exists queries are evaluated on it"],
      [{"term": {"n.obj": "x"}}, {"n": {"obj": "x"}}, "ALERTSMITH_QUERY_UNSUPPORTED", "a term query on field \"n.obj\" of type object is not supported by the offline evaluator: only exists queries are evaluated on it"],
      [{"match_phrase": {"n.txt": {"query": "a b a", "slop": 2}}}, {"n": {"txt": "a b a"}}, "ALERTSMITH_QUERY_UNSUPPORTED", "the sloppy phrase \"a b a\" with a repeated word on field \"n.txt\" is not supported by the offline evaluator: write it without the repeated word, or with slop 0"],
      [{"term": {"n.date": "yesterday"}}, {"n": {"date": "2026-01-01"}}, "ALERTSMITH_QUERY_VALUE", "\"yesterday\" is not a date or date math for field \"n.date\" (e.g. 2026-01-01T10:00:00Z, now-15m, now/d)"],
      [{"term": {"n.date": "2026-01-01"}}, {"n": {"date": "nope"}}, "ALERTSMITH_QUERY_VALUE", "event value \"nope\" of date field \"n.date\" is not a date Elasticsearch would index (ISO 8601 such as 2026-01-01T10:00:00Z, or epoch milliseconds)"],
      [{"term": {"n.int": " 1"}}, {"n": {"int": 1}}, "ALERTSMITH_QUERY_VALUE", "query value \" 1\" for long field \"n.int\" is not a number: Elasticsearch would reject the query"],
      [{"term": {"n.int": "0x10"}}, {"n": {"int": 16}}, "ALERTSMITH_QUERY_VALUE", "query value \"0x10\" for long field \"n.int\" is not a number: Elasticsearch would reject the query"],
      [{"term": {"n.int": 7}}, {"n": {"int": " "}}, "ALERTSMITH_QUERY_VALUE", "event value \" \" of long field \"n.int\" would be rejected by Elasticsearch: expected a number"],
    ];
    for (const [filter, doc, code, message] of cases) expect(failure(filter, doc), JSON.stringify(filter)).toEqual([code, message]);
  });
});

describe('numbers, booleans and keywords as Elasticsearch compares them', () => {
  it('reads floating query values with spaces around them, integer ones only without', () => {
    expect(run({ term: { 'n.flt': ' 1.5 ' } }, { n: { flt: 1.5 } })).toBe(true);
    expect(run({ term: { 'n.flt': '1.5e0' } }, { n: { flt: '1.5' } })).toBe(true);
    expect(run({ term: { 'n.int': '+7' } }, { n: { int: 7 } })).toBe(true);
    expect(failure({ term: { 'n.int': ' 1' } }, { n: { int: 1 } })?.[0]).toBe('ALERTSMITH_QUERY_VALUE');
    expect(failure({ term: { 'n.int': '0x10' } }, { n: { int: 16 } })?.[0]).toBe('ALERTSMITH_QUERY_VALUE');
  });

  it('keeps the integer part of an integer field value, and matches no whole number against a fraction', () => {
    expect(run({ term: { 'n.int': 7 } }, { n: { int: '7.9' } })).toBe(true);
    expect(run({ term: { 'n.int': 7 } }, { n: { int: -7.9 } })).toBe(false);
    expect(run({ term: { 'n.int': 1.5 } }, { n: { int: 1.5 } })).toBe(false);
    expect(run({ term: { 'n.flt': 1.5 } }, { n: { flt: '1.5' } })).toBe(true);
  });

  it('reads booleans from true, false and their text, and an empty string as false', () => {
    expect(run({ term: { 'n.bool': false } }, { n: { bool: '' } })).toBe(true);
    expect(run({ term: { 'n.bool': 'true' } }, { n: { bool: true } })).toBe(true);
    expect(run({ term: { 'n.bool': 'false' } }, { n: { bool: 'false' } })).toBe(true);
    expect(run({ term: { 'n.bool': true } }, { n: { bool: 'false' } })).toBe(false);
    expect(run({ range: { 'n.bool': { gt: false } } }, { n: { bool: 'true' } })).toBe(true);
    expect(run({ range: { 'n.bool': { lt: true } } }, { n: { bool: true } })).toBe(false);
  });

  it('compares keyword ranges as text, bounds open, inclusive or exclusive', () => {
    const kw = (range: Record<string, unknown>, value: unknown) => run({ range: { 'n.kw': range } }, { n: { kw: value } });
    expect(kw({ gte: 'b', lt: 'd' }, 'b')).toBe(true);
    expect(kw({ gte: 'b', lt: 'd' }, 'd')).toBe(false);
    expect(kw({ gt: 'b', lte: 'd' }, 'b')).toBe(false);
    expect(kw({ gt: 'b', lte: 'd' }, 'd')).toBe(true);
    expect(kw({ gt: 'b', lte: 'd' }, 'c')).toBe(true);
    expect(kw({ gte: '*', lte: '*' }, 'z')).toBe(true);
    expect(kw({ gte: 10 }, 9)).toBe(true); // "9" sorts after "10"
    expect(kw({ lt: 'a' }, true)).toBe(false);
  });

  it('compares ip ranges and CIDR blocks across both families', () => {
    expect(run({ range: { 'n.ip': { gte: '10.0.0.0', lt: '10.0.1.0' } } }, { n: { ip: '10.0.0.255' } })).toBe(true);
    expect(run({ range: { 'n.ip': { gt: '10.0.0.0', lte: '10.0.1.0' } } }, { n: { ip: '10.0.0.0' } })).toBe(false);
    expect(run({ term: { 'n.ip': '10.0.0.0/24' } }, { n: { ip: '::ffff:10.0.0.9' } })).toBe(true);
    expect(run({ term: { 'n.ip': '10.0.0.0/24' } }, { n: { ip: '10.0.1.0' } })).toBe(false);
    expect(run({ term: { 'n.ip': '10.0.0.0/24' } }, { n: { ip: '9.255.255.255' } })).toBe(false);
    expect(run({ term: { 'n.ip': '::1' } }, { n: { ip: '0:0:0:0:0:0:0:1' } })).toBe(true);
  });

  it('matches a date term over the whole period it names', () => {
    expect(run({ term: { 'n.date': '2026-03-10' } }, { n: { date: '2026-03-10T23:59:59.999Z' } })).toBe(true);
    expect(run({ term: { 'n.date': '2026-03-10' } }, { n: { date: '2026-03-11T00:00:00Z' } })).toBe(false);
    expect(run({ range: { 'n.date': { gt: '2026-03-10', lte: 'now' } } }, { n: { date: '2026-03-10T12:00:00Z' } })).toBe(false);
    expect(run({ range: { 'n.date': { gte: 1773100800000 } } }, { n: { date: 1773100800000 } })).toBe(true);
    expect(run({ range: { 'n.date': { lt: 'now-1h' } } }, { n: { date: '2026-03-10T11:00:00Z' } })).toBe(false);
  });
});

describe('fuzzy terms', () => {
  const fuzzy = (query: string, value: string) => run({ query_string: { query: `n.kw:${query}` } }, { n: { kw: value } });

  it('allows no edit up to two characters, one up to five and two beyond, under AUTO', () => {
    expect(fuzzy('ab~', 'ab')).toBe(true);
    expect(fuzzy('ab~', 'ax')).toBe(false);
    expect(fuzzy('abc~', 'abx')).toBe(true);
    expect(fuzzy('abcde~', 'abxde')).toBe(true);
    expect(fuzzy('abcde~', 'axxde')).toBe(false);
    expect(fuzzy('abcdef~', 'axxdef')).toBe(true);
    expect(fuzzy('abcdef~', 'axxxef')).toBe(false);
  });

  it('counts an insertion, a deletion and a swap of neighbours as one edit each, and caps a number at two', () => {
    expect(fuzzy('abcd~1', 'abxcd')).toBe(true);
    expect(fuzzy('abcd~1', 'abd')).toBe(true);
    expect(fuzzy('abcd~1', 'bacd')).toBe(true);
    expect(fuzzy('abcd~1', 'badc')).toBe(false);
    expect(fuzzy('abcd~0', 'abcd')).toBe(true);
    expect(fuzzy('abcdefgh~5', 'abcxxxgh')).toBe(false);
    expect(fuzzy('abcdefgh~5', 'abcxxfgh')).toBe(true);
    expect(fuzzy('abcd~1', 'abcdef')).toBe(false);
  });

  it('compares the words of a text field, lowercased', () => {
    expect(run({ query_string: { query: 'n.txt:Helo~1' } }, { n: { txt: 'say HELLO there' } })).toBe(true);
    expect(run({ query_string: { query: 'n.txt:Helo~1' } }, { n: { txt: 'say goodbye' } })).toBe(false);
  });
});

describe('edits measured exactly', () => {
  const fuzzy = (query: string, value: string) => run({ query_string: { query: `n.kw:${query}` } }, { n: { kw: value } });

  it('charges every character added before the first, and credits a swap only of the two neighbours swapped', () => {
    expect(fuzzy('ab~1', 'bc')).toBe(false);
    expect(fuzzy('xa~1', 'ab')).toBe(false);
    expect(fuzzy('bx~1', 'ab')).toBe(false);
    expect(fuzzy('ba~1', 'ab')).toBe(true);
    expect(fuzzy('bcd~2', 'a')).toBe(false);
  });
});

describe('fields and values at the edges of each type', () => {
  it('refuses a fuzzy term on a field that is not keyword or text, wildcard fields included, and skips it leniently', () => {
    const strict = (query: string) => failure({ query_string: { query, lenient: false } }, {});
    expect(strict('n.int:22~')).toEqual(['ALERTSMITH_QUERY_VALUE', 'a fuzzy query on field "n.int" of type long: Elasticsearch only runs fuzzy queries on keyword and text fields']);
    expect(strict('n.wc:cmd~')?.[1]).toBe('a fuzzy query on field "n.wc" of type wildcard: Elasticsearch only runs fuzzy queries on keyword and text fields');
    expect(run({ query_string: { query: 'n.int:22~' } }, { n: { int: 22 } })).toBe(false);
    expect(run({ query_string: { query: 'n.wc:cmd~' } }, { n: { wc: 'cmd' } })).toBe(false);
  });

  it('keeps terms and term values case-sensitive unless case_insensitive is true', () => {
    expect(run({ terms: { 'n.kw': ['ROOT'] } }, { n: { kw: 'root' } })).toBe(false);
    expect(run({ term: { 'n.kw': { value: 'ROOT', case_insensitive: true } } }, { n: { kw: 'admin' } })).toBe(false);
    expect(run({ term: { 'n.txt': { value: 'ROOT', case_insensitive: true } } }, { n: { txt: 'root login' } })).toBe(true);
    expect(run({ term: { 'n.txt': { value: 'ROOT' } } }, { n: { txt: 'root login' } })).toBe(false);
    expect(run({ term: { 'n.txt': { value: 'ROOT', case_insensitive: true } } }, { n: { txt: 'admin login' } })).toBe(false);
    expect(run({ terms: { 'n.txt': ['ROOT'] } }, { n: { txt: 'root login' } })).toBe(false);
  });

  it('takes * and ? in a DSL prefix literally', () => {
    expect(run({ prefix: { 'n.kw': 'a*' } }, { n: { kw: 'abc' } })).toBe(false);
    expect(run({ prefix: { 'n.kw': 'a*' } }, { n: { kw: 'a*c' } })).toBe(true);
  });

  it('reads a boolean term value on a keyword field as its text', () => {
    expect(run({ term: { 'n.kw': true } }, { n: { kw: 'true' } })).toBe(true);
  });

  it('names a boolean given as a number field\'s term value as it was written', () => {
    expect(failure({ term: { 'n.int': true } }, { n: { int: 1 } })).toEqual(['ALERTSMITH_QUERY_VALUE', 'query value true for long field "n.int" is not a number: Elasticsearch would reject the query']);
  });

  it('refuses a boolean held by a number field as a value Elasticsearch would not index', () => {
    expect(failure({ term: { 'n.int': 1 } }, { n: { int: true } })).toEqual(['ALERTSMITH_QUERY_VALUE', 'event value true of long field "n.int" would be rejected by Elasticsearch: expected a number']);
  });

  it('compares a number field as a number, not as a date, for terms and text bounds alike', () => {
    expect(run({ term: { 'n.int': 2026 } }, { n: { int: 2026 } })).toBe(true);
    expect(run({ range: { 'n.int': { gte: '2000', lte: '2030' } } }, { n: { int: 2026 } })).toBe(true);
    expect(run({ range: { 'n.flt': { gte: '2000', lte: '2030' } } }, { n: { flt: 2026.5 } })).toBe(true);
  });

  it('includes the first address of a CIDR block', () => {
    expect(run({ term: { 'n.ip': '10.0.0.0/8' } }, { n: { ip: '10.0.0.0' } })).toBe(true);
  });

  it('reads a whole number bound of a date range as its text (four digits are a year) and a fraction as milliseconds, as OpenSearch 2.19 does', () => {
    expect(run({ range: { 'n.date': { gte: 1000 } } }, { n: { date: 500 } })).toBe(true);
    expect(run({ range: { 'n.date': { lt: 3000 } } }, { n: { date: '2026-03-10T00:00:00Z' } })).toBe(true);
    expect(run({ range: { 'n.date': { gte: 12 } } }, { n: { date: 11 } })).toBe(false);
    expect(run({ range: { 'n.date': { gte: 1.5 } } }, { n: { date: 1 } })).toBe(true);
  });
});

describe('text fields word by word', () => {
  const txt = (filter: Record<string, unknown>, value: unknown) => run(filter, { n: { txt: value } });

  it('indexes numbers and booleans in a text field as their text', () => {
    expect(txt({ match: { 'n.txt': '42' } }, 42)).toBe(true);
    expect(txt({ match: { 'n.txt': 'true' } }, true)).toBe(true);
  });

  it('matches when any value of the field has the words', () => {
    expect(txt({ match: { 'n.txt': 'root' } }, ['x', 'root'])).toBe(true);
    expect(txt({ term: { 'n.txt': 'root' } }, ['x', 'root'])).toBe(true);
    expect(txt({ match_phrase: { 'n.txt': 'failed password' } }, ['x', 'failed password'])).toBe(true);
    expect(txt({ match_phrase: { 'n.txt': { query: 'failed password', slop: 1 } } }, ['x', 'password failed'])).toBe(false);
    expect(txt({ match_phrase: { 'n.txt': { query: 'failed password', slop: 2 } } }, ['x', 'password failed'])).toBe(true);
  });

  it('matches nothing with a query that has no words, whatever the operator', () => {
    expect(txt({ match: { 'n.txt': { query: '!!!', operator: 'and' } } }, 'anything')).toBe(false);
    expect(txt({ match_phrase: { 'n.txt': '!!!' } }, 'anything')).toBe(false);
  });

  it('reads a phrase with a repeated word in a row when its slop is 0', () => {
    expect(txt({ match_phrase: { 'n.txt': 'a b a' } }, 'x a b a')).toBe(true);
  });

  it('finds a phrase at the end of the value, and a sloppy one anywhere in it', () => {
    expect(txt({ match_phrase: { 'n.txt': 'user root' } }, 'invalid user root')).toBe(true);
    expect(txt({ match_phrase: { 'n.txt': { query: 'user root', slop: 1 } } }, 'failed password for invalid user root')).toBe(true);
    expect(txt({ match_phrase: { 'n.txt': { query: 'failed root', slop: 1 } } }, 'root failed root')).toBe(true);
    expect(txt({ match_phrase: { 'n.txt': { query: 'failed root', slop: 2 } } }, 'failed login')).toBe(false);
  });
});

describe('fieldCondition called without constant_keyword values', () => {
  const ctx = { now: NOW };

  it('finds a field by its own values, and a constant_keyword field with no value nowhere', () => {
    const name = { name: 'user.name', source: 'user.name', type: 'keyword', kind: 'keyword' as const };
    expect(fieldCondition(name, { op: 'exists' }, ctx)({ user: { name: 'x' } })).toBe(true);
    const constant = { name: 'data_stream.type', source: 'data_stream.type', type: 'constant_keyword', kind: 'keyword' as const };
    expect(fieldCondition(constant, { op: 'term', value: 'logs' }, ctx)({ data_stream: { type: 'logs' } })).toBe(false);
  });

  it('holds an object with a constant_keyword field in every document, and no other object', () => {
    const f = (field: string) => compileDetectionFilter({ filter: [{ exists: { field } }] }, { now: NOW, indexDocuments: [{ data_stream: { type: 'logs' } }] });
    expect(f('data_stream')({})).toBe(true);
    expect(f('user')({})).toBe(false);
  });
});

describe('OpenSearch 2.19 semantics', () => {
  const os = (query: string, doc: Record<string, unknown>, indexDocuments: Record<string, unknown>[] = []) =>
    compileDetectionFilter({ query }, { now: NOW, engine: 'opensearch', indexDocuments })(doc);
  const cmd = (value: unknown) => ({ process: { command_line: value } });
  const logs = [{ data_stream: { type: 'logs' } }];

  it('matches keyword fields by their value, not by n-grams', () => {
    expect(os('user.name:*root*', { user: { name: 'root' } })).toBe(true);
  });

  it('answers wildcards and regular expressions on a wildcard field from its n-grams, on any of its values', () => {
    expect(os('process.command_line:*all', cmd(['x', 'install']))).toBe(true);
    expect(os('process.command_line:/.*whoami.*/', cmd('whoami'))).toBe(false);
    expect(os('process.command_line:/al./', cmd('install'))).toBe(true);
    expect(os('process.command_line:/AL./', cmd('install'))).toBe(false);
    expect(os('process.command_line:who?', cmd('whoa'))).toBe(false);
    expect(os('process.command_line:p?wer*', cmd('powershell'))).toBe(false);
    expect(os('process.command_line:l?', cmd('al'))).toBe(true);
    expect(os('process.command_line:?', cmd(''))).toBe(false);
  });

  it('answers a trailing * on a wildcard field from the value', () => {
    expect(os('process.command_line:power*', cmd('powershell -nop'))).toBe(true);
    expect(os('process.command_line:\\*abc*', cmd('*abcd'))).toBe(true);
  });

  it('refuses a range on a wildcard field, and skips it leniently', () => {
    const strict = () => compileDetectionFilter({ filter: [{ query_string: { query: 'process.command_line:[a TO b]', lenient: false } }] }, { now: NOW, engine: 'opensearch' })(cmd('a1'));
    expect(strict).toThrow('OpenSearch cannot run a range query on wildcard field "process.command_line"');
    expect(os('process.command_line:[a TO b]', cmd('a1'))).toBe(false);
  });

  it('matches a constant_keyword by its value, with only * as a wildcard and no fuzzy terms', () => {
    expect(os('data_stream.type:logs', {}, logs)).toBe(true);
    expect(os('data_stream.type:logs?', {}, logs)).toBe(false);
    expect(os('data_stream.type:logz~', {}, logs)).toBe(false);
  });

  it('keeps a DSL regexp on a text field as written, where query_string lowercases it', () => {
    const dsl = compileDetectionFilter({ filter: [{ regexp: { message: 'Fail.*' } }] }, { now: NOW, engine: 'opensearch' });
    expect(dsl({ message: 'failed' })).toBe(false);
    expect(os('message:/Fail.*/', { message: 'failed' })).toBe(true);
  });
});

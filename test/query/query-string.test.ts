import { describe, expect, it } from 'vitest';
import { compileDetectionFilter } from '../../src/query/detection-query.js';
import { QueryError } from '../../src/query/query-error.js';
import { FieldTypes } from '../../src/query/field-types.js';
import { luceneLeaves, parseLucene } from '../../src/query/lucene-syntax.js';
import { compileQueryString, leafCondition } from '../../src/query/query-string.js';
import type { FieldType } from '../../src/define/schema/field-types.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

function matches(query: string, doc: Record<string, unknown>, eventFields?: Record<string, FieldType>): boolean {
  return compileDetectionFilter({ query, eventFields }, { now: NOW })(doc);
}

function errorOf(query: string, doc: Record<string, unknown> = {}, eventFields?: Record<string, FieldType>): QueryError {
  try {
    compileDetectionFilter({ query, eventFields }, { now: NOW })(doc);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error(`no error for ${query}`);
}

const a = { 'event.outcome': 'a' };
const b = { 'event.outcome': 'b' };

describe('boolean operators follow Lucene classic parser, not precedence', () => {
  const q = (s: string) => s.replace(/\b([abc])\b/g, 'event.outcome:$1');
  const both = (...vals: string[]) => ({ event: { outcome: vals } });

  it('reads NOT a OR b as "b and not a", so a document with neither does not match', () => {
    expect(matches(q('NOT a OR b'), { 'event.outcome': 'c' })).toBe(false);
    expect(matches(q('NOT a OR b'), b)).toBe(true);
    expect(matches(q('NOT a OR b'), both('a', 'b'))).toBe(false);
    expect(matches(q('NOT a OR b'), a)).toBe(false);
  });

  it('joins terms without an operator with OR by default', () => {
    expect(matches(q('a b'), a)).toBe(true);
    expect(matches(q('a b'), b)).toBe(true);
    expect(matches(q('a b'), { 'event.outcome': 'c' })).toBe(false);
  });

  it('reads a AND b OR c as +a +b c: c alone is not enough', () => {
    expect(matches(q('a AND b OR c'), { 'event.outcome': 'c' })).toBe(false);
    expect(matches(q('a AND b OR c'), both('a', 'b'))).toBe(true);
  });

  it('reads a OR b AND c as a +b +c: a alone is not enough', () => {
    expect(matches(q('a OR b AND c'), a)).toBe(false);
    expect(matches(q('a OR b AND c'), both('b', 'c'))).toBe(true);
  });

  it('treats + as required and - as prohibited', () => {
    expect(matches(q('+a -b'), a)).toBe(true);
    expect(matches(q('+a -b'), both('a', 'b'))).toBe(false);
    expect(matches(q('+a c'), a)).toBe(true);
  });

  it('accepts && || and ! as AND OR NOT', () => {
    expect(matches(q('a && b'), both('a', 'b'))).toBe(true);
    expect(matches(q('a && b'), a)).toBe(false);
    expect(matches(q('a || b'), b)).toBe(true);
    expect(matches(q('!a'), b)).toBe(true);
  });

  it('matches everything but the excluded documents for a purely negative query or group', () => {
    expect(matches(q('NOT a'), b)).toBe(true);
    expect(matches(q('NOT a'), a)).toBe(false);
    expect(matches(q('b AND (NOT a)'), b)).toBe(true);
  });

  it('groups with parentheses', () => {
    expect(matches(q('(a OR b) AND NOT c'), b)).toBe(true);
    expect(matches(q('(a OR b) AND NOT c'), both('b', 'c'))).toBe(false);
    expect(matches('event.outcome:(a OR b)', b)).toBe(true);
    expect(matches('event.outcome:(a OR b)', { 'event.outcome': 'c' })).toBe(false);
  });

  it('makes every clause required with default operator AND, except those joined by OR', () => {
    const f = (query: string, doc: Record<string, unknown>) =>
      compileDetectionFilter({ filter: [{ query_string: { query, default_operator: 'AND' } }] }, { now: NOW })(doc);
    expect(f(q('a b'), a)).toBe(false);
    expect(f(q('a b'), both('a', 'b'))).toBe(true);
    expect(f(q('a OR b'), b)).toBe(true);
  });
});

describe('keyword fields', () => {
  it('match the whole value exactly and case-sensitively', () => {
    expect(matches('process.name:cmd.exe', { process: { name: 'cmd.exe' } })).toBe(true);
    expect(matches('process.name:CMD.EXE', { process: { name: 'cmd.exe' } })).toBe(false);
    expect(matches('process.name:cmd', { process: { name: 'cmd.exe' } })).toBe(false);
  });

  it('match a quoted value with spaces as one exact value', () => {
    expect(matches('user.name:"John Smith"', { user: { name: 'John Smith' } })).toBe(true);
    expect(matches('user.name:"john smith"', { user: { name: 'John Smith' } })).toBe(false);
  });

  it('take wildcards over the whole value, case-sensitively', () => {
    const doc = { process: { name: 'PowerShell.exe' } };
    expect(matches('process.name:Power*', doc)).toBe(true);
    expect(matches('process.name:power*', doc)).toBe(false);
    expect(matches('process.name:*Shell.ex?', doc)).toBe(true);
    expect(matches('process.name:*Shell.e?', doc)).toBe(false);
    expect(matches('process.name:Shell*', doc)).toBe(false);
  });

  it('treat an escaped * as a literal character', () => {
    expect(matches('process.name:a\\*b', { process: { name: 'a*b' } })).toBe(true);
    expect(matches('process.name:a\\*b', { process: { name: 'axxb' } })).toBe(false);
  });

  it('match any element of an array', () => {
    expect(matches('tags:beta', { tags: ['alpha', 'beta'] })).toBe(true);
  });

  it('index numbers as text', () => {
    expect(matches('x:42', { x: 42 }, { x: 'keyword' })).toBe(true);
  });

  it('compare ranges lexicographically', () => {
    expect(matches('host.name:[b TO d]', { host: { name: 'c9' } })).toBe(true);
    expect(matches('host.name:[b TO d]', { host: { name: 'da' } })).toBe(false);
  });
});

describe('text fields', () => {
  const doc = { message: 'Failed password for invalid user ROOT from 10.0.0.5 port 22' };

  it('match analysed tokens case-insensitively', () => {
    expect(matches('message:root', doc)).toBe(true);
    expect(matches('message:PASSWORD', doc)).toBe(true);
    expect(matches('message:pass', doc)).toBe(false);
  });

  it('match a phrase only with its tokens in a row', () => {
    expect(matches('message:"invalid user root"', doc)).toBe(true);
    expect(matches('message:"user invalid"', doc)).toBe(false);
  });

  it('split an unquoted term into tokens joined by the default operator', () => {
    expect(matches('message:nothing-password', doc)).toBe(true);
  });

  it('lowercase wildcard terms and test them per token', () => {
    expect(matches('message:PASS*', doc)).toBe(true);
    expect(matches('message:*word', doc)).toBe(true);
    expect(matches('message:*for*user*', doc)).toBe(false);
  });

  it('reach a multi-field through its parent value', () => {
    expect(matches('user.name.text:smith', { user: { name: 'John Smith' } })).toBe(true);
    expect(matches('user.name:smith', { user: { name: 'John Smith' } })).toBe(false);
  });

  it('compare ranges word by word, with the bounds lowercased', () => {
    expect(matches('message:[A TO B]', { message: 'Apple pie' })).toBe(true);
    expect(matches('message:[c TO d]', { message: 'Apple pie' })).toBe(false);
  });
});

describe('terms without a field', () => {
  it('search every field of the document, each with its own type', () => {
    expect(matches('root', { message: 'login by ROOT' })).toBe(true);
    expect(matches('cmd.exe', { process: { name: 'cmd.exe' } })).toBe(true);
    expect(matches('CMD.EXE', { process: { name: 'cmd.exe' } })).toBe(true);
    expect(matches('nothing', { message: 'login by ROOT' })).toBe(false);
  });

  it('are lenient about values a field type cannot take', () => {
    expect(matches('abc', { source: { port: 22 }, message: 'abc' })).toBe(true);
    expect(matches('22', { source: { port: 22 } })).toBe(true);
  });

  it('fail on a document field of unknown type, naming it', () => {
    const e = errorOf('abc', { custom_thing: 'abc' });
    expect(e.code).toBe('ALERTSMITH_FIELD_TYPE_UNKNOWN');
    expect(e.message).toContain('custom_thing');
  });
});

describe('escaped characters', () => {
  it('take an escaped colon, space or slash as part of the value', () => {
    expect(matches('host.name:a\\:b', { host: { name: 'a:b' } })).toBe(true);
    expect(matches('host.name:a\\ b', { host: { name: 'a b' } })).toBe(true);
    expect(matches('url.original:\\/etc\\/passwd', { url: { original: '/etc/passwd' } })).toBe(true);
  });

  it('read a backslash in a Windows path written as \\\\', () => {
    expect(matches('process.executable:C\\:\\\\Windows\\\\cmd.exe', { process: { executable: 'C:\\Windows\\cmd.exe' } })).toBe(true);
  });

  it('take a quoted value literally, wildcards included', () => {
    expect(matches('process.name:"a*"', { process: { name: 'a*' } })).toBe(true);
    expect(matches('process.name:"a*"', { process: { name: 'ab' } })).toBe(false);
  });
});

describe('ip fields', () => {
  const doc = { source: { ip: '10.1.2.3' } };
  it('match an address exactly', () => {
    expect(matches('source.ip:10.1.2.3', doc)).toBe(true);
    expect(matches('source.ip:10.1.2.4', doc)).toBe(false);
  });

  it('match a quoted or escaped CIDR block', () => {
    expect(matches('source.ip:"10.0.0.0/8"', doc)).toBe(true);
    expect(matches('source.ip:10.0.0.0\\/8', doc)).toBe(true);
    expect(matches('source.ip:"10.1.2.0/30"', doc)).toBe(true);
    expect(matches('source.ip:"10.1.2.4/30"', doc)).toBe(false);
    expect(matches('source.ip:"192.168.0.0/16"', doc)).toBe(false);
  });

  it('fail to parse an unescaped slash, as Elasticsearch does', () => {
    expect(errorOf('source.ip:10.0.0.0/8', doc).code).toBe('ALERTSMITH_QUERY_SYNTAX');
  });

  it('match IPv6 and IPv4-mapped addresses', () => {
    expect(matches('source.ip:"2001:db8::/32"', { source: { ip: '2001:db8::1' } })).toBe(true);
    expect(matches('source.ip:"::ffff:10.1.2.3"', doc)).toBe(true);
  });

  it('compare ranges as addresses', () => {
    expect(matches('source.ip:[10.1.2.0 TO 10.1.2.255]', doc)).toBe(true);
    expect(matches('source.ip:[10.1.2.9 TO 10.1.2.255]', doc)).toBe(false);
  });

  it('match nothing with a wildcard, leniently, as Elasticsearch does under the default field *', () => {
    expect(matches('source.ip:10.*', doc)).toBe(false);
  });
});

describe('numeric ranges', () => {
  const port = (p: number) => ({ source: { port: p } });
  it('include the bounds of [a TO b]', () => {
    expect(matches('source.port:[22 TO 80]', port(22))).toBe(true);
    expect(matches('source.port:[22 TO 80]', port(80))).toBe(true);
    expect(matches('source.port:[22 TO 80]', port(81))).toBe(false);
  });

  it('exclude the bounds of {a TO b}', () => {
    expect(matches('source.port:{22 TO 80}', port(22))).toBe(false);
    expect(matches('source.port:{22 TO 80}', port(80))).toBe(false);
    expect(matches('source.port:{22 TO 80}', port(23))).toBe(true);
  });

  it('mix inclusive and exclusive ends and open * ends', () => {
    expect(matches('source.port:[22 TO 80}', port(80))).toBe(false);
    expect(matches('source.port:{22 TO 80]', port(80))).toBe(true);
    expect(matches('source.port:[1024 TO *]', port(65535))).toBe(true);
  });

  it('read >, >=, <, <=', () => {
    expect(matches('source.port:>22', port(22))).toBe(false);
    expect(matches('source.port:>=22', port(22))).toBe(true);
    expect(matches('source.port:<22', port(22))).toBe(false);
    expect(matches('source.port:<=22', port(22))).toBe(true);
    expect(matches('source.port:(>=22 AND <80)', port(79))).toBe(true);
  });

  it('read >=22 without a field as a range on every field, as Elasticsearch does', () => {
    expect(matches('>=22', port(23))).toBe(true);
    expect(matches('>=22', port(21))).toBe(false);
  });

  it('match a term by value, numbers in strings included', () => {
    expect(matches('source.port:22', { source: { port: '22' } })).toBe(true);
    expect(matches('event.risk_score:1.5', { event: { risk_score: 1.5 } })).toBe(true);
  });

  it('match nothing with a non-numeric term, leniently under the default field *', () => {
    expect(matches('source.port:ssh', port(22))).toBe(false);
    expect(() => compileDetectionFilter({ filter: [{ query_string: { query: 'source.port:ssh', lenient: false } }] }, { now: NOW })).toThrow(QueryError);
  });
});

describe('date fields', () => {
  const at = (t: string) => ({ '@timestamp': t });
  it('match a day as the whole day', () => {
    expect(matches('@timestamp:2026-03-10', at('2026-03-10T23:59:59.999Z'))).toBe(true);
    expect(matches('@timestamp:2026-03-10', at('2026-03-11T00:00:00Z'))).toBe(false);
  });

  it('evaluate date math against the fixed clock', () => {
    expect(matches('@timestamp:>=now-15m', at('2026-03-10T11:50:00Z'))).toBe(true);
    expect(matches('@timestamp:>=now-15m', at('2026-03-10T11:40:00Z'))).toBe(false);
    expect(matches('@timestamp:[now/d TO now]', at('2026-03-10T00:00:00Z'))).toBe(true);
    expect(matches('@timestamp:{now/d TO *}', at('2026-03-10T23:00:00Z'))).toBe(false);
  });

  it('read offsets and epoch milliseconds', () => {
    expect(matches('@timestamp:[2026-03-10T13:00:00+01:00 TO 2026-03-10T13:00:00+01:00]', at('2026-03-10T12:00:00Z'))).toBe(true);
    expect(matches('@timestamp:>2026-03-10', { '@timestamp': NOW })).toBe(false);
  });
});

describe('other constructs', () => {
  it('reads _exists_ and field:* as "the field has a value"', () => {
    expect(matches('_exists_:user.name', { user: { name: 'x' } })).toBe(true);
    expect(matches('_exists_:user.name', { user: { name: null } })).toBe(false);
    expect(matches('user.name:*', { user: { name: 'x' } })).toBe(true);
    expect(matches('NOT _exists_:user.name', {})).toBe(true);
    expect(matches('_exists_:user', { user: { name: 'x' } })).toBe(true);
  });

  it('matches a regular expression against the whole keyword value', () => {
    expect(matches('process.name:/c.d\\.exe/', { process: { name: 'cmd.exe' } })).toBe(true);
    expect(matches('process.name:/c.d/', { process: { name: 'cmd.exe' } })).toBe(false);
    expect(matches('process.name:/[a-c]md.*/', { process: { name: 'cmd.exe' } })).toBe(true);
  });

  it('matches a regular expression per token on text fields', () => {
    expect(matches('message:/pass.*/', { message: 'Bad Password' })).toBe(true);
  });

  it('reads custom fields with their declared types', () => {
    expect(matches('alert.flag:true', { alert: { flag: true } }, { 'alert.flag': 'boolean' })).toBe(true);
    expect(matches('alert.flag:false', { alert: { flag: true } }, { 'alert.flag': 'boolean' })).toBe(false);
  });

  it('finds values under dotted keys and arrays of objects', () => {
    expect(matches('user.name:x', { 'user.name': 'x' })).toBe(true);
    expect(matches('user.name:x', { user: [{ name: 'y' }, { name: 'x' }] })).toBe(true);
  });

  it('expands a field pattern over the document fields', () => {
    expect(matches('user.\\*:x', { user: { name: 'x' } })).toBe(true);
    expect(matches('user.\\*:x', { host: { name: 'x' } })).toBe(false);
  });

  it('ignores boosts', () => {
    expect(matches('user.name:x^2', { user: { name: 'x' } })).toBe(true);
  });

  it('names the field of unknown type', () => {
    const e = errorOf('foo.bar:x');
    expect(e.code).toBe('ALERTSMITH_FIELD_TYPE_UNKNOWN');
    expect(e.message).toContain('"foo.bar"');
  });

  it('reads proximity queries as Lucene\'s sloppy phrases: words moved at most slop positions, reversed costs 2', () => {
    expect(matches('message:"failed root"~2', { message: 'failed for user root' })).toBe(true);
    expect(matches('message:"failed root"~1', { message: 'failed for user root' })).toBe(false);
    expect(matches('message:"root failed"~2', { message: 'failed root' })).toBe(true);
    expect(matches('message:"root failed"~1', { message: 'failed root' })).toBe(false);
    expect(errorOf('message:"a b a"~2').message).toContain('repeated word');
  });

  it('reads fuzzy terms with Elasticsearch\'s AUTO fuzziness, transpositions as one edit, at most 2 edits', () => {
    expect(matches('user.name:jon~', { user: { name: 'joe' } })).toBe(true);
    expect(matches('user.name:jo~', { user: { name: 'jon' } })).toBe(false);
    expect(matches('user.name:roto~', { user: { name: 'root' } })).toBe(true);
    expect(matches('user.name:administratro~', { user: { name: 'administrator' } })).toBe(true);
    expect(matches('user.name:abcd~3', { user: { name: 'wxyd' } })).toBe(false);
    expect(matches('message:FAILD~', { message: 'login failed' })).toBe(true);
  });

  it('reports syntax errors with the position', () => {
    expect(errorOf('user.name:(x').code).toBe('ALERTSMITH_QUERY_SYNTAX');
    expect(errorOf('AND x').code).toBe('ALERTSMITH_QUERY_SYNTAX');
    expect(errorOf('user.name:"x').message).toContain('never closed');
  });
});

describe('compileQueryString called on its own', () => {
  const ctx = { now: NOW, fields: new FieldTypes() };
  const run = (query: string, doc: Record<string, unknown>) => compileQueryString({ query }, ctx)(doc);

  it('joins clauses with OR by default, as Elasticsearch\'s default_operator', () => {
    expect(run('event.outcome:a event.outcome:b', a)).toBe(true);
    expect(run('event.outcome:a event.outcome:b', { 'event.outcome': 'c' })).toBe(false);
  });

  it('allows a leading wildcard by default', () => {
    expect(run('user.name:*min', { user: { name: 'admin' } })).toBe(true);
  });

  it('searches every field without a constant_keyword value in its context', () => {
    expect(run('admin', { user: { name: 'admin' } })).toBe(true);
    expect(run('admin', { user: { name: 'root' } })).toBe(false);
  });

  it('gives a leaf clause a leading wildcard unless told otherwise', () => {
    const leaf = luceneLeaves(parseLucene('*min'))[0]!;
    expect(leafCondition(leaf, 'OR')).toEqual({ op: 'wildcard', pattern: '*min', normalize: true });
    expect(() => leafCondition(leaf, 'OR', false)).toThrow(/leading wildcard in \*min is not allowed/);
  });
});

describe('terms that stand for exists, ranges and fuzziness', () => {
  it('matches every document with a lone *, one without a searchable field included', () => {
    expect(matches('*', {})).toBe(true);
    expect(matches('NOT *', { user: { name: 'x' } })).toBe(false);
  });

  it('reads * over several fields, * among them, as "one of them has a value", not as every document', () => {
    const f = (doc: Record<string, unknown>) =>
      compileDetectionFilter({ filter: [{ query_string: { query: '*', fields: ['*', 'user.name'] } }] }, { now: NOW })(doc);
    expect(f({})).toBe(false);
    expect(f({ event: { code: '4624' } })).toBe(true);
    // All-fields mode leaves out fields that cannot be searched as text, for exists as well.
    expect(f({ source: { geo: { location: '41.12,-71.34' } } })).toBe(false);
  });

  it('reads field:* as exists, so it matches on a number field too', () => {
    expect(matches('source.port:*', { source: { port: 22 } })).toBe(true);
    expect(matches('source.port:*', { source: { ip: '10.0.0.1' } })).toBe(false);
  });

  it('takes > or < inside a term as part of the value, not as a range', () => {
    expect(matches('user.name:a>b', { user: { name: 'a>b' } })).toBe(true);
    expect(matches('user.name:a>b', { user: { name: 'c' } })).toBe(false);
    expect(matches('user.name:a<b', { user: { name: 'a' } })).toBe(false);
  });

  it('keeps each one-sided range to its side', () => {
    const port = (p: number) => ({ source: { port: p } });
    expect(matches('source.port:<=22', port(23))).toBe(false);
    expect(matches('source.port:<22', port(21))).toBe(true);
    expect(matches('source.port:>=22', port(21))).toBe(false);
    expect(matches('source.port:>22', port(23))).toBe(true);
  });

  it('lowercases the bound of a one-sided range on a text field, as it does [a TO b]', () => {
    expect(matches('message:>=M', { message: 'b' })).toBe(false);
    expect(matches('message:>=M', { message: 'n' })).toBe(true);
  });

  it('reads words joined into one text after > or < as one bound, as OpenSearch 2.19 does', () => {
    const code = (c: string) => ({ event: { code: c } });
    expect(matches('event.code:(>4624 4625)', code('4625'))).toBe(true);
    expect(matches('event.code:(>4624 4625)', code('4624'))).toBe(false);
    expect(matches('event.code:(>=4625 4626)', code('4625'))).toBe(false);
    expect(matches('event.code:(<4625 4626)', code('4625'))).toBe(true);
    expect(matches('source.port:(>=22 23)', { source: { port: 22 } })).toBe(false);
  });

  it('matches nothing with _exists_ and a fuzzy term, a regular expression or a range: each is that query on a field named _exists_', () => {
    const doc = { user: { name: 'root' } };
    expect(matches('_exists_:user', doc)).toBe(true);
    expect(matches('_exists_:user~', doc)).toBe(false);
    expect(matches('_exists_:/user.*/', doc)).toBe(false);
    expect(matches('_exists_:[a TO z]', doc)).toBe(false);
  });

  it('uses the fuzziness written after ~, not AUTO', () => {
    expect(matches('user.name:roat~0', { user: { name: 'root' } })).toBe(false);
    expect(matches('user.name:roat~', { user: { name: 'root' } })).toBe(true);
    expect(matches('user.name:admnistratr~1', { user: { name: 'administrator' } })).toBe(false);
    expect(matches('user.name:admnistratr~', { user: { name: 'administrator' } })).toBe(true);
  });
});

describe('the fields a term without a field searches', () => {
  it('skips metadata fields such as _id and _index', () => {
    expect(matches('abc', { _id: 'abc', _index: 'abc', user: { name: 'x' } })).toBe(false);
  });

  it('skips a field that cannot be searched as text (geo_point), but finds it with a field pattern and *', () => {
    const doc = { source: { geo: { location: '41.12,-71.34' } } };
    expect(matches('41.12,-71.34', doc)).toBe(false);
    expect(matches('source.geo.\\*:*', doc)).toBe(true);
    expect(matches('source.geo.\\*:foo', doc)).toBe(false);
  });
});

describe('leniency covers values, not what the evaluator cannot do', () => {
  it('still refuses a regular expression on an object field under the default field *', () => {
    const e = errorOf('custom.data:/web.*/', { custom: { data: { name: 'web' } } }, { 'custom.data': 'object' });
    expect(e.code).toBe('ALERTSMITH_QUERY_UNSUPPORTED');
    expect(e.message).toContain('a regexp query on field "custom.data" of type object');
  });


  it('names the term a refused leading wildcard is in', () => {
    const run = () => compileDetectionFilter({ filter: [{ query_string: { query: 'user.name:*dmin', allow_leading_wildcard: false } }] }, { now: NOW });
    expect(run).toThrow('the leading wildcard in *dmin is not allowed (allow_leading_wildcard is false)');
    const trailing = compileDetectionFilter({ filter: [{ query_string: { query: 'user.name:adm*', allow_leading_wildcard: false } }] }, { now: NOW });
    expect(trailing({ user: { name: 'admin' } })).toBe(true);
  });
});

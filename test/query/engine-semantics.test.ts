import { describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../src/define/schema/config.js';
import type { FieldType } from '../../src/define/schema/field-types.js';
import { compileDetectionFilter } from '../../src/query/detection-query.js';
import { QueryError } from '../../src/query/query-error.js';

// Each class of disagreement the fidelity suite (test/fidelity/query/) found against a real engine.
const NOW = Date.parse('2026-03-10T12:00:00Z');

interface Options {
  engine?: SearchEngine;
  eventFields?: Record<string, FieldType>;
  index?: Record<string, unknown>[];
}

function hits(def: { query?: string; filter?: Record<string, unknown>[] }, docs: Record<string, unknown>[], o: Options = {}): number[] {
  const m = compileDetectionFilter(
    { ...def, eventFields: o.eventFields },
    { now: NOW, ...(o.engine ? { engine: o.engine } : {}), indexDocuments: o.index ?? docs },
  );
  return docs.flatMap((d, i) => (m(d) ? [i] : []));
}

const q = (query: string, docs: Record<string, unknown>[], o?: Options) => hits({ query }, docs, o);

function errorOf(query: string): QueryError {
  try {
    compileDetectionFilter({ query }, { now: NOW });
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error(`no error for ${query}`);
}

describe('words without an operator between them are one text, analysed per field (Elasticsearch 6+)', () => {
  const codes = [{ event: { code: '4624' } }, { event: { code: '4625' } }, { event: { code: '4624 4625' } }];

  it('looks up the whole text as one term on a keyword field', () => {
    expect(q('event.code:(4624 4625)', codes)).toEqual([2]);
    expect(q('event.code:(4624 OR 4625)', codes)).toEqual([0, 1]);
    expect(q('event.action:(Process Create)', [{ event: { action: 'Process Create' } }, { event: { action: 'Process' } }])).toEqual([0]);
  });

  it('matches nothing on a number field (the text is not a number; leniently skipped)', () => {
    expect(q('destination.port:(22 3389)', [{ destination: { port: 22 } }])).toEqual([]);
  });

  it('still splits the text into words on a text field', () => {
    const docs = [{ message: 'failed password' }, { message: 'password only' }, { message: 'nothing' }];
    expect(q('message:(failed password)', docs)).toEqual([0, 1]);
  });

  it('with default_operator AND, needs every word in one field', () => {
    const docs = [{ message: 'Failed password for root' }, { message: 'failed', user: { name: 'root' } }];
    expect(hits({ filter: [{ query_string: { query: 'root failed', default_operator: 'AND' } }] }, docs)).toEqual([0]);
  });

  it('keeps terms apart where an operator, a field or a modifier stands between them', () => {
    expect(q('event.code:4624 4625', [{ event: { code: '4624 4625' } }, { event: { code: '4625' } }])).toEqual([1]);
    expect(q('4625 event.code:4624', [{ event: { code: '4625' } }])).toEqual([0]);
    expect(q('event.code:(4624 -4625)', [{ event: { code: '4624' } }])).toEqual([0]);
  });
});

describe('exists on an object', () => {
  it('sees the object in dotted keys and in nested objects alike', () => {
    const docs = [{ 'user.name': 'root' }, { user: { name: 'root' } }, { 'user.name': null }, { other: 1 }];
    expect(q('_exists_:user', docs)).toEqual([0, 1]);
    expect(hits({ filter: [{ exists: { field: 'process.parent' } }] }, [{ 'process.parent.name': 'cmd.exe' }, { process: { name: 'x' } }])).toEqual([0]);
  });
});

describe('field patterns in query_string', () => {
  it('rejects an unescaped pattern as a field, as Lucene does', () => {
    expect(errorOf('user.*:root').code).toBe('ALERTSMITH_QUERY_SYNTAX');
    expect(errorOf('*.name:root').code).toBe('ALERTSMITH_QUERY_SYNTAX');
  });

  it('reads the escaped pattern as the fields that fit it', () => {
    expect(q('user.\\*:root', [{ user: { name: 'root' } }, { host: { name: 'root' } }])).toEqual([0]);
    expect(q('_exists_:user.\\*', [{ user: { name: 'root' } }, { host: { name: 'root' } }])).toEqual([0]);
  });

  it('reads _exists_:user.* as a wildcard on a field named _exists_, which matches nothing', () => {
    expect(q('_exists_:user.*', [{ user: { name: 'root' } }])).toEqual([]);
  });
});

describe('ranges without a field', () => {
  const docs = [{ '@timestamp': '2026-03-10T00:00:00Z' }, { source: { port: 22 } }, { message: 'apple' }, { user: { name: 'zed' } }];

  it('run on every field, each with its type', () => {
    expect(q('>100', docs)).toEqual([0, 2, 3]);
    expect(q('<100', [{ source: { port: 22 } }, { source: { port: 2222 } }])).toEqual([0]);
  });

  it('run on text fields word by word', () => {
    expect(q('[a TO c]', docs)).toEqual([2]);
  });
});

describe('minimum_should_match above the number of optional clauses', () => {
  it('makes a bool query match nothing', () => {
    const should = [{ term: { 'user.name': 'root' } }, { term: { 'process.name': 'sshd' } }];
    expect(hits({ filter: [{ bool: { should, minimum_should_match: 3 } }] }, [{ user: { name: 'root' }, process: { name: 'sshd' } }])).toEqual([]);
  });

  it('makes a match query of several words match nothing, counts a repeated word each time, and is ignored for one word', () => {
    const doc = [{ message: 'failed login' }];
    expect(hits({ filter: [{ match: { message: { query: 'failed other', minimum_should_match: 3 } } }] }, doc)).toEqual([]);
    expect(hits({ filter: [{ match: { message: { query: 'failed', minimum_should_match: 2 } } }] }, doc)).toEqual([0]);
    expect(hits({ filter: [{ match: { message: { query: 'failed Failed other', minimum_should_match: 2 } } }] }, doc)).toEqual([0]);
  });
});

describe('regexp case_insensitive', () => {
  it('covers literal letters, not character classes, as Lucene does', () => {
    const docs = [{ user: { name: 'Admin' } }, { user: { name: 'admin' } }];
    expect(hits({ filter: [{ regexp: { 'user.name': { value: '[A-Z].*', case_insensitive: true } } }] }, docs)).toEqual([0]);
    expect(hits({ filter: [{ regexp: { 'user.name': { value: 'ADMIN', case_insensitive: true } } }] }, docs)).toEqual([0, 1]);
  });
});

describe('case_insensitive beyond ASCII', () => {
  // OpenSearch 2.19.6 folds ASCII letters only, in term, wildcard, prefix and regexp alike.
  const docs = [{ user: { name: 'José' } }, { user: { name: 'JOSé' } }, { user: { name: 'krbtgt' } }, { user: { name: '\u212Arbtgt' } }];
  const ci = (type: string, value: string) => hits({ filter: [{ [type]: { 'user.name': { value, case_insensitive: true } } }] }, docs);

  it('never matches é with É', () => {
    for (const type of ['term', 'wildcard', 'prefix', 'regexp']) {
      expect(ci(type, 'JOSÉ'), type).toEqual([]);
      expect(ci(type, 'jOSé'), type).toEqual([0, 1]);
    }
  });

  it('matches the Kelvin sign only by itself, though its lower case is k', () => {
    for (const type of ['term', 'wildcard', 'prefix', 'regexp']) {
      expect(ci(type, 'KRBTGT'), type).toEqual([2]);
      expect(ci(type, '\u212ARBTGT'), type).toEqual([3]);
    }
  });

  it('lowercases query_string terms on a text field as the analyzer does, letter by letter', () => {
    const text = [{ message: 'Logon from the İSTANBUL office, ΟΔΟΣ 5' }];
    expect(hits({ query: 'message:istanbul AND message:οδοσ' }, text)).toEqual([0]);
    expect(hits({ query: 'message:İSTAN*' }, text)).toEqual([0]);
    expect(hits({ query: 'message:οδος' }, text)).toEqual([]);
  });

  it('compares the words of a text field the same way', () => {
    const text = [{ message: 'Failed logon for JOSÉ' }];
    expect(hits({ filter: [{ term: { message: { value: 'JOSÉ', case_insensitive: true } } }] }, text)).toEqual([]);
    expect(hits({ filter: [{ term: { message: { value: 'JOSé', case_insensitive: true } } }] }, text)).toEqual([0]);
  });
});

describe('ranges on boolean fields', () => {
  it('order false before true, and skip a bound that is not a boolean under the default field *', () => {
    const docs = [{ tls: { established: false } }, { tls: { established: true } }];
    expect(q('tls.established:[false TO true}', docs)).toEqual([0]);
    expect(q('tls.established:<10', docs)).toEqual([]);
  });
});

describe('constant_keyword', () => {
  it('makes the object holding it exist in every document', () => {
    expect(q('_exists_:data_stream', [{ data_stream: { type: 'logs' } }, { message: 'x' }])).toEqual([0, 1]);
  });

  it('is matched by OpenSearch with * as the only wildcard and never by a query_string regexp', () => {
    const docs = [{ data_stream: { type: 'logs' } }];
    expect(q('data_stream.type:l?gs', docs)).toEqual([0]);
    expect(q('data_stream.type:l?gs', docs, { engine: 'opensearch' })).toEqual([]);
    expect(q('data_stream.type:l*', docs, { engine: 'opensearch' })).toEqual([0]);
    expect(q('data_stream.type:/lo.*/', docs, { engine: 'opensearch' })).toEqual([]);
    expect(hits({ filter: [{ regexp: { 'data_stream.type': 'lo.*' } }] }, docs, { engine: 'opensearch' })).toEqual([0]);
  });

  it('gives every document of the index the value of the first one indexed', () => {
    const docs = [{ data_stream: { type: 'logs' } }, { message: 'x' }];
    expect(q('data_stream.type:logs', docs)).toEqual([0, 1]);
    expect(q('_exists_:data_stream.type', docs)).toEqual([0, 1]);
    expect(q('logs', docs)).toEqual([0, 1]);
    expect(q('NOT data_stream.type:logs', docs)).toEqual([]);
    expect(hits({ filter: [{ prefix: { 'data_stream.type': 'lo' } }] }, docs)).toEqual([0, 1]);
  });

  it('has no value when no document of the index has one', () => {
    expect(q('_exists_:data_stream.type', [{ message: 'x' }])).toEqual([]);
  });
});

describe('leniency under the default field *', () => {
  it('lets a term of the wrong type match nothing instead of failing', () => {
    const docs = [{ source: { ip: '10.0.0.1', port: 80 } }];
    expect(q('source.ip:10.*', docs)).toEqual([]);
    expect(q('source.port:8*', docs)).toEqual([]);
    expect(q('source.port:abc', docs)).toEqual([]);
    expect(q('NOT source.port:abc', docs)).toEqual([0]);
  });

  it('is not lenient with an explicit default_field', () => {
    expect(() => hits({ filter: [{ query_string: { query: 'source.port:abc', default_field: 'message' } }] }, [{}])).toThrow(QueryError);
  });
});

describe('engines differ: a query_string regexp on a text field', () => {
  const docs = [{ message: 'Failed password' }];
  it('is taken as written by Elasticsearch 8 (so capitals match nothing)', () => {
    expect(q('message:/Fail.*/', docs)).toEqual([]);
  });
  it('is lowercased by OpenSearch', () => {
    expect(q('message:/Fail.*/', docs, { engine: 'opensearch' })).toEqual([0]);
  });
});

describe('engines differ: query_string wildcards and regexps on a wildcard field', () => {
  const docs = [{ process: { command_line: 'cmd.exe /c whoami /all' } }];
  it('search the whole value in Elasticsearch 8', () => {
    expect(q('process.command_line:*whoami*', docs)).toEqual([0]);
    expect(q('process.command_line:/.*whoami.*/', docs)).toEqual([0]);
  });
  it('search the indexed n-grams (up to 3 characters) in OpenSearch 2', () => {
    expect(q('process.command_line:*whoami*', docs, { engine: 'opensearch' })).toEqual([]);
    expect(q('process.command_line:*all', docs, { engine: 'opensearch' })).toEqual([0]);
    expect(q('process.command_line:cmd*', docs, { engine: 'opensearch' })).toEqual([0]);
    expect(hits({ filter: [{ wildcard: { 'process.command_line': '*whoami*' } }] }, docs, { engine: 'opensearch' })).toEqual([0]);
  });
});

describe('an IPv4-mapped CIDR block', () => {
  it('counts its prefix in IPv4 bits, as Java reads the address as IPv4', () => {
    const docs = [{ source: { ip: '10.0.0.99' } }];
    expect(q('source.ip:"::ffff:10.0.0.0/8"', docs)).toEqual([0]);
    expect(q('source.ip:"::ffff:10.0.0.0/104"', docs)).toEqual([]);
  });
});

describe('numbers in a query', () => {
  it('are read with Java\'s decimal syntax: no hex, no spaces on integer fields', () => {
    const docs = [{ source: { port: 22 } }];
    expect(q('source.port:0x16', docs)).toEqual([]);
    expect(q('source.port:" 22"', docs)).toEqual([]);
    expect(q('source.port:2.2e1', docs)).toEqual([0]);
    expect(q('event.risk_score:" 22"', [{ event: { risk_score: 22 } }])).toEqual([0]);
  });
});

describe('the { query: ... } wrapper', () => {
  it('is unwrapped at the top of the filter list, as ElastAlert does, and rejected inside a clause, as Elasticsearch does', () => {
    const docs = [{ user: { name: 'root' } }];
    expect(hits({ filter: [{ query: { term: { 'user.name': 'root' } } }] }, docs)).toEqual([0]);
    expect(() => hits({ filter: [{ bool: { must: [{ query: { term: { 'user.name': 'root' } } }] } }] }, docs)).toThrow(/filter\[0\]\.bool\.must\[0\]/);
  });
});

describe('a bool query without must or filter clauses', () => {
  it('needs one should clause even when minimum_should_match works out to 0, as Lucene does', () => {
    const docs = [{ user: { name: 'root' } }, { user: { name: 'bob' } }];
    const should = [{ term: { 'user.name': 'root' } }];
    expect(hits({ filter: [{ bool: { should, minimum_should_match: -1 } }] }, docs)).toEqual([0]);
    expect(hits({ filter: [{ bool: { should, minimum_should_match: '50%' } }] }, docs)).toEqual([0]);
    expect(hits({ filter: [{ bool: { should, must_not: [{ term: { 'user.name': 'x' } }], minimum_should_match: 0 } }] }, docs)).toEqual([0]);
    expect(hits({ filter: [{ bool: { should, filter: [{ exists: { field: 'user' } }], minimum_should_match: 0 } }] }, docs)).toEqual([0, 1]);
  });
});

describe('more of query_string under the default field *', () => {
  const docs = [{ user: { name: 'root' } }, { host: { name: 'x' } }];
  it('skips a regular expression that does not parse, leniently, but refuses it with lenient: false', () => {
    expect(q('user.name:/[/', docs)).toEqual([]);
    expect(q('NOT user.name:/[/', docs)).toEqual([0, 1]);
    expect(() => hits({ filter: [{ query_string: { query: 'user.name:/[/', lenient: false } }] }, docs)).toThrow(QueryError);
  });

  it('reads _exists_ with a quoted field name', () => {
    expect(q('_exists_:"user.name"', docs)).toEqual([0]);
  });
});

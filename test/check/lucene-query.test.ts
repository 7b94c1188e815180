import { describe, expect, it } from 'vitest';
import { analyseQuery } from '../../src/check/lucene-query.js';

describe('analyseQuery', () => {
  it('parses each query once: asked again, it answers the same analysis', () => {
    const query = 'host.name:web-1 AND _exists_:"user.name"';
    const first = analyseQuery(query);
    expect(analyseQuery(query)).toBe(first);
    expect(first.ok && first.fields.map((f) => [f.name, query.slice(f.start, f.end)])).toEqual([
      ['host.name', 'host.name'],
      ['user.name', '"user.name"'],
    ]);
  });

  it('lists every field a query names, with its offsets, including grouped fields and _exists_', () => {
    const query = 'event.code:(4624 OR 4625) AND NOT user.name:"SYSTEM" AND _exists_:host.name AND a\\:b:x';
    const analysis = analyseQuery(query);
    expect(analysis.ok && analysis.fields.map((f) => [f.name, query.slice(f.start, f.end)])).toEqual([
      ['event.code', 'event.code'],
      ['user.name', 'user.name'],
      ['host.name', 'host.name'],
      ['a:b', 'a\\:b'],
    ]);
  });

  it('ignores terms without a field', () => {
    expect(analyseQuery('mimikatz OR "sekurlsa::logonpasswords"')).toMatchObject({ ok: true, fields: [] });
  });

  it('says where a query stops parsing and names the character', () => {
    expect(analyseQuery('a:b OR ) c:d')).toMatchObject({ ok: false, message: 'the Lucene query does not parse at ")" (more ")" than "(")', start: 7, end: 8 });
  });

  it('says when a query ends too early', () => {
    const analysis = analyseQuery('a:(b OR c');
    expect(analysis).toMatchObject({ ok: false, start: 9, message: 'the Lucene query ends too early (an unclosed group, quote or range?)' });
  });
});

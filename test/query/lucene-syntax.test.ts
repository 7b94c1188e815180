import { describe, expect, it } from 'vitest';
import { escapeFieldPattern, luceneLeaves, parseLucene, unescapedExistsPatterns, type LuceneNode, type NamedField } from '../../src/query/lucene-syntax.js';
import { QuerySyntaxError } from '../../src/query/query-error.js';

/** A compact view: +a -b c, groups in parentheses. */
function show(n: LuceneNode | undefined): string {
  if (n === undefined) return '';
  switch (n.kind) {
    case 'bool':
      return `(${n.clauses.map((c) => `${c.occur === 'must' ? '+' : c.occur === 'must_not' ? '-' : ''}${show(c.node)}`).join(' ')})`;
    case 'term':
      return `${n.field ? `${n.field}:` : ''}${n.raw}${n.fuzzy ? '~' : ''}`;
    case 'phrase':
      return `${n.field ? `${n.field}:` : ''}"${n.text}"${n.slop ? `~${n.slop}` : ''}`;
    case 'regexp':
      return `${n.field ? `${n.field}:` : ''}/${n.pattern}/`;
    case 'range':
      return `${n.field ? `${n.field}:` : ''}${n.includeLower ? '[' : '{'}${n.lower ?? '*'} TO ${n.upper ?? '*'}${n.includeUpper ? ']' : '}'}`;
  }
}

const p = (q: string, op: 'OR' | 'AND' = 'OR') => show(parseLucene(q, op));

describe('the Lucene classic parser', () => {
  it('gives clauses their occurrence from conjunctions and modifiers', () => {
    expect(p('NOT a OR b')).toBe('(-a b)');
    expect(p('a AND b OR c')).toBe('(+a +b c)');
    expect(p('a OR b AND c')).toBe('(a +b +c)');
    expect(p('a AND NOT b')).toBe('(+a -b)');
    expect(p('a "b"')).toBe('(a "b")');
    expect(p('+a -b c')).toBe('(+a -b c)');
    expect(p('a && b || !c')).toBe('(+a +b -c)');
  });

  it('joins plain words with only whitespace between them into one text (MultiTerm)', () => {
    expect(p('a b c')).toBe('a b c');
    expect(p('f:(a b)')).toBe('f:a b');
    expect(p('a b:c')).toBe('(a b:c)');
    expect(p('a b^2')).toBe('(a b)');
    expect(p('a b AND c')).toBe('(a +b +c)');
    expect(p('a AND b c')).toBe('(+a +b c)');
    expect(p('a* b')).toBe('(a* b)');
  });

  it('makes clauses required under default operator AND unless joined by OR', () => {
    expect(p('a "b"', 'AND')).toBe('(+a +"b")');
    expect(p('a OR b', 'AND')).toBe('(a b)');
    expect(p('a b OR c', 'AND')).toBe('(+a b c)');
  });

  it('returns a lone unmodified clause as itself and a lone modified one as a boolean', () => {
    expect(p('a')).toBe('a');
    expect(p('-a')).toBe('(-a)');
  });

  it('passes a field on to the clauses of its group, which may name their own', () => {
    expect(p('f:(a OR g:b)')).toBe('(f:a g:b)');
  });

  it('reads phrases, regular expressions, ranges, fuzzy terms and boosts', () => {
    expect(p('f:"a \\"b\\""~2^3')).toBe('f:"a "b""~2');
    expect(p('f:/a\\/b/')).toBe('f:/a/b/');
    expect(p('f:[1 TO *}')).toBe('f:[1 TO *}');
    expect(p('f:{"a b" TO c]')).toBe('f:{a b TO c]');
    expect(p('f:roam~1')).toBe('f:roam~');
    expect(p('f:a^2')).toBe('f:a');
  });

  it('keeps escapes in terms and lets - and + continue a term', () => {
    expect(p('f:a\\:b')).toBe('f:a\\:b');
    expect(p('f:foo-bar+baz')).toBe('f:foo-bar+baz');
    expect(p('f:>=10')).toBe('f:>=10');
  });

  it('reads a lone - or + followed by a space as a term, and ANDROID as a term', () => {
    expect(p('a - b')).toBe('(a - b)');
    expect(p('ANDROID')).toBe('ANDROID');
  });

  it('rejects what Lucene rejects', () => {
    for (const bad of ['', 'a AND', 'AND a', '(a', 'a)', 'f:', 'f:[1 TO]', 'f:"x', 'f:10.0.0.0/8', 'a\\']) {
      expect(() => parseLucene(bad), bad).toThrow(/does not parse|regular expression/);
    }
  });
});

describe('where and why a query does not parse', () => {
  it('names the character where parsing stopped and what was expected there', () => {
    const cases: [string, number, string][] = [
      ["", 0, "the query is empty"],
      ["   ", 3, "the query is empty"],
      ["a AND", 5, "the query ends after AND: add the clause it joins, or remove it"],
      ["AND a", 0, "the query cannot start with AND"],
      ["OR a", 0, "the query cannot start with OR"],
      ["(a", 2, "the ( is never closed"],
      ["a)", 1, "a ) that closes no ("],
      ["()", 1, "empty ( )"],
      ["f:", 2, "nothing follows the field name: write what it should match after the colon (host.name:web-1)"],
      ["f:[1 TO]", 2, "a range is [lower TO upper] or {lower TO upper}"],
      ["f:[1 2]", 5, "a range is [lower TO upper] or {lower TO upper}"],
      ["f:[1 TO 2 3]", 10, "a range is [lower TO upper] or {lower TO upper}"],
      ["f:[TO 1]", 6, "a range is [lower TO upper] or {lower TO upper}"],
      ["f:[1 TO 2", 2, "the range [ is never closed with ] or }"],
      ["f:[\"a TO b]", 3, "the quote \" is never closed"],
      ["f:\"x", 2, "the quote \" is never closed"],
      ["f:/x", 2, "the regular expression / is never closed (a literal / must be escaped as \\/ or quoted)"],
      ["a\\", 1, "the query ends with a lone backslash"],
      ["a^", 1, "^ must be followed by a boost number"],
      ["a^x", 1, "^ must be followed by a boost number"],
      ["a]", 1, "unexpected ]"],
      ["a}", 1, "unexpected }"],
      ["user.*:root", 0, "the field pattern user.* must have its wildcards escaped: user.\\*"],
      ["us?r:root", 0, "the field pattern us?r must have its wildcards escaped: us\\?r"],
      ["a:(b", 4, "the ( is never closed"],
      ["a ( b", 5, "the ( is never closed"],
      ["a:)", 2, "a ) that closes no ("],
      ["(a))", 3, "a ) that closes no ("],
      ["a b)", 3, "a ) that closes no ("],
      ["f::x", 2, "unexpected :"],
      [":x", 0, "unexpected :"],
      ["a ||", 4, "the query ends after ||: add the clause it joins, or remove it"],
      ["&& a", 0, "the query cannot start with AND"],
      ["a OR OR b", 5, "unexpected OR"],
      ["a NOT", 5, "the query ends after NOT: add the clause it joins, or remove it"],
      ["f:(a", 4, "the ( is never closed"],
      ["(a OR", 5, "the query ends after OR: add the clause it joins, or remove it"],
      ["~1", 0, "unexpected ~ (it follows a word or a quoted phrase: roam~1, \"a b\"~2)"],
      ["^2", 0, "unexpected ^ (it follows a clause: error^2)"],
      // A bare range bound ends at a space, ] or } even after a backslash, as Lucene's RANGE_GOOP does.
      ["f:[a TO c\\ d]", 9, "a range bound cannot end with a backslash (quote the bound to hold a space, ] or })"],
      ["f:[a\\ TO c]", 4, "a range bound cannot end with a backslash (quote the bound to hold a space, ] or })"],
      ["f:[a TO c\\]]", 9, "a range bound cannot end with a backslash (quote the bound to hold a space, ] or })"],
      ["f:[a TO c\\]", 9, "a range bound cannot end with a backslash (quote the bound to hold a space, ] or })"],
    ];
    for (const [query, position, reason] of cases) {
      let error: unknown;
      try {
        parseLucene(query);
      } catch (e) {
        error = e;
      }
      expect(error, query).toBeInstanceOf(QuerySyntaxError);
      const e = error as QuerySyntaxError;
      expect([e.position, e.reason, e.message], query).toEqual([position, reason, `query ${JSON.stringify(query)} does not parse at character ${position + 1}: ${reason}`]);
    }
  });
});

describe('what a parse reports besides the tree', () => {
  it('lists the fields a query names, unescaped, with their offsets, and the field an _exists_ names', () => {
    const fields: NamedField[] = [];
    parseLucene('a\\:b:x AND _exists_:host.name OR c:(d e) _exists_:"x y" _exists_:*', 'OR', fields);
    expect(fields).toEqual([
      { name: 'a:b', start: 0, end: 4 },
      { name: 'host.name', start: 20, end: 29 },
      { name: 'c', start: 33, end: 34 },
      { name: 'x y', start: 50, end: 55 },
    ]);
  });

  it('gives each clause its span in the query, phrases and ranges included', () => {
    const leaves = luceneLeaves(parseLucene('f:{a TO b} "x"^2 /r/^1 (a)^2 g:x~2^3'));
    expect(leaves.map((l) => [l.kind, l.pos, l.end])).toEqual([
      ['range', 2, 10], ['phrase', 11, 14], ['regexp', 17, 20], ['term', 24, 25], ['term', 31, 32],
    ]);
    expect(leaves[4]).toMatchObject({ fuzzy: true, fuzziness: '2' });
    expect(luceneLeaves(undefined)).toEqual([]);
  });

  it('reads phrase slop as a whole number and a fuzzy term after its boost', () => {
    const [phrase, boosted] = luceneLeaves(parseLucene('f:"a b"~1.7 h:x^2~'));
    expect(phrase).toMatchObject({ kind: 'phrase', slop: 1 });
    expect(boosted).toMatchObject({ kind: 'term', fuzzy: true, fuzziness: '' });
    expect(parseLucene('f:x')).not.toHaveProperty('fuzziness');
  });

  it('reads && and || as operators only when a clause follows, and ! as NOT', () => {
    expect(p('a && b')).toBe('(+a +b)');
    expect(p('x&&y')).toBe('x&&y');
    expect(p('a !b')).toBe('(a -b)');
    expect(p('!a')).toBe('(-a)');
    expect(p('NOT a')).toBe('(-a)');
  });

  it('finds _exists_ with an unescaped field pattern, which matches nothing', () => {
    expect(unescapedExistsPatterns('_exists_:user.* a _exists_:b?c _exists_:* _exists_:\\*')).toEqual([
      { pattern: 'user.*', pos: 9, end: 15 },
      { pattern: 'b?c', pos: 27, end: 30 },
    ]);
    expect(unescapedExistsPatterns('"unclosed')).toEqual([]);
    expect(unescapedExistsPatterns('_exists_ user.*')).toEqual([]);
  });

  it('escapes the wildcards of a field pattern, leaving escapes as they are', () => {
    expect(escapeFieldPattern('a.*.b?\\*')).toBe('a.\\*.b\\?\\*');
  });
});

describe('tokens at the edges of Lucene\'s grammar', () => {
  const raws = (q: string) => luceneLeaves(parseLucene(q)).map((l) => (l.kind === 'term' ? l.raw : l.kind));

  it('reads && and || as operators only before whitespace, a parenthesis or the end; otherwise they start a term', () => {
    expect(p('a &&b')).toBe('a &&b');
    expect(p('a ||b')).toBe('a ||b');
    expect(p('a &&(b)')).toBe('(+a +b)');
    expect(() => parseLucene('(a ||)')).toThrow(QuerySyntaxError);
  });

  it('reads a single & or | as a term of its own', () => {
    expect(p('a &')).toBe('a &');
    expect(p('a |')).toBe('a |');
    expect(p('a &b')).toBe('a &b');
    expect(p('a |b')).toBe('a |b');
    expect(p('a b&')).toBe('a b&');
    expect(p('a b|')).toBe('a b|');
  });

  it('reads a lone -, + or ! before a space as a term that never joins the words around it, and refuses one at the end', () => {
    expect(p('a + b')).toBe('(a + b)');
    expect(p('a ! b')).toBe('(a ! b)');
    expect(p('a -\tb')).toBe('(a - b)');
    // OpenSearch 2.19.6 answers "Failed to parse query" to each: a modifier with no clause after it.
    for (const q of ['a -', 'a !', 'a +']) expect(() => parseLucene(q), q).toThrow(`the query ends after ${q.slice(-1)}: add the clause it joins, or remove it`);
  });

  it('names the modifier it did not expect after a field', () => {
    expect(() => parseLucene('f:-b')).toThrow('unexpected -');
    expect(() => parseLucene('f:!b')).toThrow('unexpected !');
    expect(() => parseLucene('f:NOT b')).toThrow('unexpected NOT');
  });

  it('reads fuzziness, slop and boosts of several digits and decimals', () => {
    expect(luceneLeaves(parseLucene('f:a~10'))).toMatchObject([{ raw: 'a', fuzzy: true, fuzziness: '10' }]);
    expect(luceneLeaves(parseLucene('f:a~1.25'))).toMatchObject([{ raw: 'a', fuzzy: true, fuzziness: '1.25' }]);
    expect(luceneLeaves(parseLucene('f:"a b"~12'))).toMatchObject([{ kind: 'phrase', slop: 12 }]);
    expect(p('f:a^10')).toBe('f:a');
    expect(p('f:a^1.25')).toBe('f:a');
    expect(p('f:a^1.5')).toBe('f:a');
  });

  it('reads escapes inside range bounds, quoted or not, and * as an open end', () => {
    expect(luceneLeaves(parseLucene('f:["a\\"b" TO c\\-d]'))).toMatchObject([{ kind: 'range', lower: 'a"b', upper: 'c-d' }]);
    const [open] = luceneLeaves(parseLucene('f:[* TO 5]'));
    expect(open).toMatchObject({ kind: 'range', upper: '5' });
    expect(open).toHaveProperty('lower', undefined);
  });

  it('reads clauses with default operator OR unless told otherwise', () => {
    expect(show(parseLucene('a b:c'))).toBe('(a b:c)');
  });

  it('joins words into one text only where no operator or modifier comes before them', () => {
    expect(raws('a AND b c')).toEqual(['a', 'b', 'c']);
    expect(raws('a -b c')).toEqual(['a', 'b', 'c']);
    expect(raws('a b c')).toEqual(['a b c']);
  });

  it('does not join a word followed by * or a fuzzy ~ into a text', () => {
    expect(raws('a b *')).toEqual(['a', 'b', '*']);
    expect(p('a b~')).toBe('(a b~)');
  });

  it('gives words joined into one text the span from the first to the last', () => {
    expect(luceneLeaves(parseLucene('f:(ab cd)')).map((l) => [l.pos, l.end])).toEqual([[3, 8]]);
  });

  it('takes only a term as a field name: * is every field, a quoted text before : does not parse', () => {
    expect(p('*:root')).toBe('*:root');
    expect(() => parseLucene('"a":b')).toThrow(QuerySyntaxError);
  });

  it('keeps a prohibited clause prohibited whatever the conjunction after it', () => {
    expect(p('NOT a AND b')).toBe('(-a +b)');
    expect(p('NOT a OR b', 'AND')).toBe('(-a b)');
    expect((parseLucene('a OR b', 'AND') as { clauses: { occur: string }[] }).clauses.map((c) => c.occur)).toEqual(['should', 'should']);
  });
});

describe('fields an _exists_ names', () => {
  const named = (q: string) => {
    const fields: NamedField[] = [];
    parseLucene(q, 'OR', fields);
    return fields.map((f) => f.name);
  };

  it('lists the field of a term or phrase, unescaped, and nothing for a regexp or range', () => {
    expect(named('_exists_:a\\:b')).toEqual(['a:b']);
    expect(named('_exists_:/a.*/')).toEqual([]);
    expect(named('_exists_:[a TO b]')).toEqual([]);
  });

  it('finds an unescaped pattern only right after _exists_:', () => {
    expect(unescapedExistsPatterns('host.name:web*')).toEqual([]);
    expect(unescapedExistsPatterns('_exists_ x user.*')).toEqual([]);
    expect(unescapedExistsPatterns('"_exists_":user.*')).toEqual([]);
    expect(unescapedExistsPatterns('_exists_:"user.*"')).toEqual([]);
    expect(unescapedExistsPatterns('a _exists_')).toEqual([]);
    expect(unescapedExistsPatterns('_exists_:')).toEqual([]);
  });
});

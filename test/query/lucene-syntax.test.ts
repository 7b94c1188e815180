import { describe, expect, it } from 'vitest';
import { parseLucene, type LuceneNode } from '../../src/query/lucene-syntax.js';

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

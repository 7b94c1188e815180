import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryError } from '../../src/query/query-error.js';
import { hasWildcard, luceneRegExp, unescapeQueryText, wildcardToRegExp } from '../../src/query/text-patterns.js';

describe('wildcardToRegExp', () => {
  it.each([
    ['web-*', 'web-01', true],
    ['web-*', 'web_01', false],
    ['a/b?c', 'a/bxc', true],
    ['(x)*[y]', '(x) and [y]', true],
    ['1.2.*', '1.2.3', true],
    ['1.2.*', '1x2.3', false],
  ])('%s against %s is %s (punctuation is literal)', (pattern, value, expected) => {
    expect(wildcardToRegExp(pattern).test(value)).toBe(expected);
  });

  it('compiles any pattern text without a syntax error, and matches the text itself when it has no wildcard', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('-', '/', '^', '$', '.', '+', '(', ')', '[', ']', '{', '}', '|', 'a', 'é') }), (text) => {
        expect(wildcardToRegExp(text).test(text)).toBe(true);
      }),
    );
  });
});

describe('luceneRegExp', () => {
  it('reads escaped characters inside a class literally', () => {
    const re = luceneRegExp('[a\\-z]+');
    expect(re.test('a-z')).toBe(true);
    expect(re.test('b')).toBe(false);
  });
});

describe('wildcard patterns at their edges', () => {
  it('reads an escaped * or ? as the character, and a trailing backslash as itself', () => {
    expect(wildcardToRegExp('a\\*b').test('a*b')).toBe(true);
    expect(wildcardToRegExp('a\\*b').test('axxb')).toBe(false);
    expect(wildcardToRegExp('a\\?').test('a?')).toBe(true);
    expect(wildcardToRegExp('a\\?').test('ab')).toBe(false);
    expect(wildcardToRegExp('a\\').test('a\\')).toBe(true);
    expect(wildcardToRegExp('*').test('')).toBe(true);
    expect(wildcardToRegExp('?').test('')).toBe(false);
    expect(wildcardToRegExp('a?c').test('a\nc')).toBe(true);
  });

  it('ignores case only when asked, and keeps the two compiled forms apart', () => {
    expect(wildcardToRegExp('Web-*').test('WEB-1')).toBe(false);
    expect(wildcardToRegExp('Web-*', true).test('WEB-1')).toBe(true);
    expect(wildcardToRegExp('Web-*').test('WEB-1')).toBe(false);
  });

  it('finds unescaped wildcards only, and removes query_string escapes', () => {
    expect(hasWildcard('a*')).toBe(true);
    expect(hasWildcard('a?')).toBe(true);
    expect(hasWildcard('a\\*')).toBe(false);
    expect(hasWildcard('a\\\\*')).toBe(true);
    expect(hasWildcard('abc')).toBe(false);
    expect(unescapeQueryText('a\\:b\\\\c\\*')).toBe('a:b\\c*');
  });
});

describe('Lucene regular expressions at their edges', () => {
  const error = (source: string) => {
    try {
      luceneRegExp(source);
    } catch (e) {
      return [(e as QueryError).code, (e as QueryError).message];
    }
    return undefined;
  };

  it('says what is wrong with a pattern that does not parse', () => {
    expect(error('ab\\')).toEqual(['ALERTSMITH_QUERY_SYNTAX', 'the regular expression /ab\\/ ends with a lone backslash']);
    expect(error('[ab')).toEqual(['ALERTSMITH_QUERY_SYNTAX', 'the regular expression /[ab/ has an unclosed [']);
    expect(error('a"b')).toEqual(['ALERTSMITH_QUERY_SYNTAX', 'the regular expression /a"b/ has an unclosed "']);
    expect(error('(a')).toEqual(['ALERTSMITH_QUERY_SYNTAX', 'the regular expression /(a/ is not a valid regular expression']);
    expect(error('a~b')).toEqual(['ALERTSMITH_QUERY_UNSUPPORTED', 'the regular expression operator "~" in /a~b/ is not supported by the offline evaluator: escape it as \\~ to match the character']);
    expect(error('a#')?.[1]).toMatch(/operator "#"/);
  });

  it('reads classes: negated, ranges, a ] first, escapes and brackets inside', () => {
    expect(luceneRegExp('[^a-c]').test('d')).toBe(true);
    expect(luceneRegExp('[^a-c]').test('b')).toBe(false);
    expect(luceneRegExp('[a^]').test('^')).toBe(true);
    expect(luceneRegExp('[]a]+').test(']a')).toBe(true);
    expect(luceneRegExp('[a\\]]+').test('a]')).toBe(true);
    expect(luceneRegExp('[\\[]').test('[')).toBe(true);
    expect(luceneRegExp('[a[]').test('[')).toBe(true);
    expect(luceneRegExp('[x\\\\]').test('\\')).toBe(true);
  });

  it('keeps its operators and shorthand classes, and reads the rest literally', () => {
    expect(luceneRegExp('(ab|cd){2}x?y*z+').test('abcdyyz')).toBe(true);
    expect(luceneRegExp('\\d+\\s\\w').test('12 a')).toBe(true);
    expect(luceneRegExp('\\.').test('a')).toBe(false);
    expect(luceneRegExp('a"."b').test('a.b')).toBe(true);
    expect(luceneRegExp('a"."b').test('axb')).toBe(false);
    expect(luceneRegExp('$x').test('$x')).toBe(true);
  });

  it('ignores the case of ASCII letters only when asked, and never inside a class', () => {
    expect(luceneRegExp('Ab.').test('aBc')).toBe(false);
    expect(luceneRegExp('Ab.', true).test('aBc')).toBe(true);
    expect(luceneRegExp('[A-Z]', true).test('a')).toBe(false);
    expect(luceneRegExp('1\\A"B"', true).test('1ab')).toBe(true);
    expect(luceneRegExp('é', true).test('É')).toBe(false);
  });
});

describe('patterns over code points', () => {
  it('lets ? and . stand for one whole character, an emoji included', () => {
    expect(wildcardToRegExp('?').test('💥')).toBe(true);
    expect(luceneRegExp('.').test('💥')).toBe(true);
  });

  it('keeps a class to its own characters, and folds only ASCII letters', () => {
    expect(luceneRegExp('[ab]').test(']')).toBe(false);
    expect(luceneRegExp('İ', true).test('i')).toBe(false);
    expect(luceneRegExp('İ', true).test('İ')).toBe(true);
  });
});

describe('case-insensitive regular expressions beyond ASCII', () => {
  it('folds an ASCII letter only: the Kelvin sign, whose lower case is k, matches only itself', () => {
    expect(luceneRegExp('\u212A', true).test('\u212A')).toBe(true);
    expect(luceneRegExp('\u212A', true).test('k')).toBe(false);
    expect(luceneRegExp('\u212A', true).test('K')).toBe(false);
    expect(luceneRegExp('k', true).test('\u212A')).toBe(false);
    expect(luceneRegExp('k', true).test('K')).toBe(true);
  });
});

describe('escapes inside a regular expression class', () => {
  it('reads an escaped ] as a member of the class, not as its end', () => {
    expect(luceneRegExp('[a\\]b]').test('b')).toBe(true);
    expect(luceneRegExp('[a\\]b]').test(']')).toBe(true);
    expect(luceneRegExp('[a\\]b]').test('\\')).toBe(false);
  });
});

describe('compiled wildcard patterns', () => {
  it('never hands a case-sensitive pattern the compiled form of a case-insensitive one, or the other way round', () => {
    // Each pattern text is used nowhere else in this file, so each call below compiles it first.
    expect(wildcardToRegExp('q7').test('q7')).toBe(true);
    expect(wildcardToRegExp('sq7', true).test('SQ7')).toBe(true);
    expect(wildcardToRegExp('q8', true).test('Q8')).toBe(true);
    expect(wildcardToRegExp('iq8').test('iq8')).toBe(true);
    expect(wildcardToRegExp('iq8').test('IQ8')).toBe(false);
  });

  it('lets ? stand for a character outside the Basic Multilingual Plane in a pattern compiled for the first time', () => {
    expect(wildcardToRegExp('alert?fired').test('alert\u{1F4A5}fired')).toBe(true);
    expect(wildcardToRegExp('alert?fired').test('alert\u{1F4A5}\u{1F4A5}fired')).toBe(false);
  });
});

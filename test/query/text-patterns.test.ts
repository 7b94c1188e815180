import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luceneRegExp, wildcardToRegExp } from '../../src/query/text-patterns.js';

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

import { describe, expect, it } from 'vitest';
import { hashKey, pyEquals, pyHashable, pyInt, pyStr, pyTruthy } from '../../src/simulate/python-values.js';

describe('Python views of JSON values', () => {
  it('hashable(): lists and dicts as their str(), None for a missing value, anything else itself', () => {
    expect(pyHashable([1, 'a'])).toBe("[1, 'a']");
    expect(pyHashable({ k: null })).toBe("{'k': None}");
    expect(pyHashable(undefined)).toBeNull();
    expect(pyHashable(null)).toBeNull();
    expect(pyHashable(5)).toBe(5);
    expect(pyHashable('x')).toBe('x');
  });

  it('dict keys: True is 1 and False is 0, but "1" is not 1', () => {
    expect(hashKey(true)).toBe(hashKey(1));
    expect(hashKey(false)).toBe(hashKey(0));
    expect(hashKey(true)).not.toBe(hashKey(0));
    expect(hashKey('1')).not.toBe(hashKey(1));
    expect(hashKey(['a'])).toBe(hashKey("['a']"));
  });

  it('==: booleans equal their numbers, inside lists and dicts too, and shapes must match', () => {
    const equal: [unknown, unknown][] = [[true, 1], [0, false], [[1], [true]], [{ a: 1 }, { a: true }], [undefined, null], [null, undefined], [[], []], [{}, {}]];
    const different: [unknown, unknown][] = [
      ['1', 1], [[1], [1, 2]], [[1, 2], [1]], [{ a: 1 }, { b: 1 }], [{ a: 1 }, { a: 1, b: 2 }], [{ a: 1, b: 2 }, { a: 1 }],
      [[], {}], [{}, []], [{ a: 1 }, { a: 2 }], [[1], [2]], [null, 0], [{ a: 1 }, null],
      // A list or dict never equals text, even text whose characters or indexes line up.
      [['x'], 'x'], ['ab', ['a', 'b']], [{ 0: 'a' }, 'a'], ['a', { 0: 'a' }], [null, {}], [{}, null],
    ];
    for (const [a, b] of equal) expect(pyEquals(a, b), JSON.stringify([a, b])).toBe(true);
    for (const [a, b] of different) expect(pyEquals(a, b), JSON.stringify([a, b])).toBe(false);
  });

  it('truthiness: None, False, 0, "", [] and {} are false, everything else true', () => {
    for (const v of [undefined, null, false, 0, '', [], {}]) expect(pyTruthy(v), JSON.stringify(v)).toBe(false);
    for (const v of [true, 1, -1, 'a', [0], { a: 0 }, '0']) expect(pyTruthy(v), JSON.stringify(v)).toBe(true);
  });

  it('str(): strings as they are, the rest as repr() writes it', () => {
    expect(pyStr('it\'s')).toBe("it's");
    expect([null, undefined, true, false, 1.5].map(pyStr)).toEqual(['None', 'None', 'True', 'False', '1.5']);
    expect(pyStr(['a', "it's", 'q"\'', 'b\\c', [true]])).toBe(`['a', "it's", 'q"\\'', 'b\\\\c', [True]]`);
    expect(pyStr({ k: 1, n: null })).toBe("{'k': 1, 'n': None}");
  });

  // Expected texts are what python3 prints for str() of the same list and dict.
  it('str() of a list or dict writes its strings as repr() does: escapes for controls, backslash, the quote and what is not printable', () => {
    expect(pyStr(['a\nb', 'tab\there', 'cr\r', '\x00\x1b\x7f', 'back\\slash', "it's", 'both\'"', 'say "hi"'])).toBe(
      `['a\\nb', 'tab\\there', 'cr\\r', '\\x00\\x1b\\x7f', 'back\\\\slash', "it's", 'both\\'"', 'say "hi"']`,
    );
    expect(
      pyStr({
        'k\n': '\x85\xa0\xad\xff',
        u: '\u0378\u2028\u200b\ufeff\uffff\ud800',
        U: '\u{e0001}\u{10ffff}\u{10000}',
        ok: 'é中😀 x',
        pu: '\ue000\u{f0000}',
        sp: '\u3000\u00a0 ',
      }),
    ).toBe(
      String.raw`{'k\n': '\x85\xa0\xadÿ', 'u': '\u0378\u2028\u200b\ufeff\uffff\ud800', 'U': '\U000e0001\U0010ffff𐀀', 'ok': 'é中😀 x', 'pu': '\ue000\U000f0000', 'sp': '\u3000\xa0 '}`,
    );
  });

  // Expected text is what python3 prints for the same list (1e21 written as the int 10**21).
  it('str() of a list writes whole numbers with all their digits and small floats with Python\'s exponent', () => {
    expect(pyStr([1e-5, 2.5e-10, 0.0001, 123.456, 1e21, -3.25e-6, 0.1 + 0.2, -7])).toBe(
      '[1e-05, 2.5e-10, 0.0001, 123.456, 1000000000000000000000, -3.25e-06, 0.30000000000000004, -7]',
    );
  });

  it('int(): integers, truncated floats, booleans and digit text; ValueError and TypeError otherwise', () => {
    expect([true, false, 2.9, -2.9, 7].map(pyInt)).toEqual([1, 0, 2, -2, 7]);
    expect([' +1_000 ', '-12', '007'].map(pyInt)).toEqual([1000, -12, 7]);
    for (const v of [Number.NaN, '1__0', '_1', '1_', '1.5', '', 'x1']) expect(pyInt(v), String(v)).toBe('ValueError');
    for (const v of [null, [1], { a: 1 }]) expect(pyInt(v), JSON.stringify(v)).toBe('TypeError');
  });
});

import { describe, expect, it } from 'vitest';
import { valueToSourceOffsets } from '../../src/check/string-literal-offsets.js';

/** The value a literal's offsets describe, read back character by character from the source. */
function sourceCharAt(raw: string, valueIndex: number): string {
  return raw[valueToSourceOffsets(raw)[valueIndex]!]!;
}

describe('valueToSourceOffsets', () => {
  it('maps a plain literal one to one, past the opening quote', () => {
    expect(valueToSourceOffsets("'abc'")).toEqual([1, 2, 3, 4]);
  });

  it('maps each escape to the backslash that starts it', () => {
    const raw = String.raw`'a\'b\\c\x41\u0042\u{43}d'`;
    expect(valueToSourceOffsets(raw)).toEqual([1, 2, 4, 5, 7, 8, 12, 18, 24, 25]);
    expect(sourceCharAt(raw, 8)).toBe('d');
  });

  it('gives a character beyond the basic plane two entries at its escape', () => {
    expect(valueToSourceOffsets(String.raw`"\u{1F600}x"`)).toEqual([1, 1, 10, 11]);
  });

  it('skips line continuations, which add no character', () => {
    expect(valueToSourceOffsets("'a\\\nb'")).toEqual([1, 4, 5]);
  });

  it('maps a template literal the same way', () => {
    expect(sourceCharAt('`x:"a" AND )`', 10)).toBe(')');
  });
});

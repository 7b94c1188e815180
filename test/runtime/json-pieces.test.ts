import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/runtime/json-pieces.js';

describe('jsonPieces', () => {
  it('joins to exactly JSON.stringify of the value, whatever the piece size', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), text, fc.integer({ min: 1, max: 12 }), (value, extra, size) => {
        const wrapped = { value, extra, list: [extra, value] };
        expect([...jsonPieces(wrapped, size)].join('')).toBe(JSON.stringify(wrapped));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a surrogate pair whole where a long string is cut', () => {
    const text = '\u{1F600}'.repeat(5); // each emoji is two UTF-16 units
    for (let size = 1; size <= 4; size++) {
      const pieces = [...jsonPieces(text, size)];
      expect(pieces.join('')).toBe(JSON.stringify(text));
      expect(pieces.join('')).not.toContain('\\ud');
    }
  });

  it('cuts a long string into pieces near the piece size', () => {
    const pieces = [...jsonPieces({ rawJSON: 'x'.repeat(10_000), n: 1 }, 1_000)];
    expect(pieces.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2_100);
  });

  it('writes what JSON.stringify writes for values JSON cannot hold', () => {
    const value = { a: undefined, b: [undefined, () => 1], c: new Date(0), d: null };
    expect([...jsonPieces(value, 2)].join('')).toBe(JSON.stringify(value));
  });
});

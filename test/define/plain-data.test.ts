import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNonPlainValue } from '../../src/define/plain-data.js';

/** The plain reading of the rule, written for clarity: the first non-plain value, depth first, in key order. */
function reference(value: unknown, path: (string | number)[] = [], above: object[] = []): { path: (string | number)[]; kind: string } | undefined {
  if (typeof value === 'function') return { path, kind: 'a function' };
  if (typeof value === 'bigint') return { path, kind: 'a bigint' };
  if (typeof value === 'symbol') return { path, kind: 'a symbol' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { path, kind: `the number ${value}` };
  if (value === null || typeof value !== 'object') return undefined;
  if (above.includes(value)) return { path, kind: 'a cycle (an object that contains itself)' };
  if (!Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      return { path, kind: `a ${proto?.constructor?.name ?? 'class'} instance (only plain objects, arrays, strings, numbers and booleans)` };
    }
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const found = reference(child, [...path, key], [...above, value]);
    if (found) return found;
  }
  return undefined;
}

const leaf = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(Number.NaN, Infinity, () => 1, 10n, Symbol('s'), new Date(0), new Map(), Object.create(null)) },
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 })),
})).node;

describe('findNonPlainValue', () => {
  it('finds what the plain reading of the rule finds, at the same path', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(findNonPlainValue(v)).toEqual(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a cycle from an object met twice side by side', () => {
    const shared = { a: 1 };
    expect(findNonPlainValue({ x: shared, y: [shared, shared] })).toBeUndefined();
    const cyclic: Record<string, unknown> = { list: [] };
    (cyclic.list as unknown[]).push({ back: cyclic });
    expect(findNonPlainValue(cyclic)).toEqual({ path: ['list', 0, 'back'], kind: 'a cycle (an object that contains itself)' });
  });

  it('names the path of a bad value deep in test events', () => {
    const definition = { tests: [{ events: [{ a: 1 }, { b: { c: [1, 2, () => 3] } }] }] };
    expect(findNonPlainValue(definition)).toEqual({ path: ['tests', 0, 'events', 1, 'b', 'c', 2], kind: 'a function' });
  });
});

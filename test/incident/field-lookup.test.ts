import { describe, expect, it } from 'vitest';
import { hasField, isRecord, lookupField } from '../../src/incident/field-lookup.js';

describe('lookupField (ElastAlert lookup_es_key)', () => {
  it('prefers the whole path as a literal key over walking it', () => {
    expect(lookupField({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(lookupField({ a: { b: 2 } }, 'a.b')).toBe(2);
  });

  it('joins segments with dots until a key exists, at any depth', () => {
    expect(lookupField({ a: { 'b.c': 1 } }, 'a.b.c')).toBe(1);
    expect(lookupField({ 'a.b': { c: 2 } }, 'a.b.c')).toBe(2);
    expect(lookupField({ a: { b: 1 } }, 'a.b.c')).toBeUndefined();
    expect(lookupField({ a: { x: 1 } }, 'a.b')).toBeUndefined();
  });

  it('indexes lists, also in the middle of a path and repeatedly', () => {
    const match = { a: [{ b: 'x' }, { b: 'y', c: [[0, 7]] }] };
    expect(lookupField(match, 'a[1].b')).toBe('y');
    expect(lookupField(match, 'a[1].c[0][1]')).toBe(7);
    expect(lookupField(match, 'a[2].b')).toBeUndefined();
    expect(lookupField(match, 'a[0].b[0]')).toBeUndefined();
    expect(lookupField({ a: { 0: 'not a list' } }, 'a[0]')).toBeUndefined();
    // The rest after an index continues the path, with or without a dot.
    expect(lookupField({ a: [{ b: { c: 1 } }] }, 'a[0]b.c')).toBe(1);
  });

  it('answers undefined, never throws, for a match that is not an object', () => {
    for (const match of [null, undefined, 'text', 3, ['a']]) expect(lookupField(match, 'a')).toBeUndefined();
  });

  it('finds own keys only, never what the prototype has, and walks into objects only', () => {
    expect(lookupField({}, 'constructor')).toBeUndefined();
    expect(lookupField({ a: {} }, 'a.toString')).toBeUndefined();
    expect(lookupField({ a: 'xyz' }, 'a.length')).toBeUndefined();
    expect(lookupField({ a: [5] }, 'a.0')).toBeUndefined();
    expect(lookupField({ a: null }, 'a.b')).toBeUndefined();
  });
});

describe('hasField', () => {
  it('is true for a field holding null, false for a missing one', () => {
    expect(hasField({ a: null }, 'a')).toBe(true);
    expect(hasField({ a: null }, 'b')).toBe(false);
  });
});

describe('isRecord', () => {
  it('is true for plain objects only', () => {
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord('x')]).toEqual([true, false, false, false]);
  });
});

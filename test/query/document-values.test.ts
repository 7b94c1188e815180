import { describe, expect, it } from 'vitest';
import { fieldExists, fieldValues, leafPaths } from '../../src/query/document-values.js';

describe('fieldValues', () => {
  it('collects a path written with dotted keys, nested objects or arrays of objects, in document order', () => {
    const doc = { 'a.b': 1, a: { b: [2, [3, null]], 'b.c': 9 }, list: [{ a: { b: 4 } }] };
    expect(fieldValues(doc, 'a.b')).toEqual([1, 2, 3]);
    expect(fieldValues({ a: [{ b: 5 }, { b: null }, { c: 6 }] }, 'a.b')).toEqual([5]);
    expect(fieldValues([{ x: 1 }, { x: 2 }], 'x')).toEqual([1, 2]);
  });

  it('needs a whole key before each dot, and holds nothing under a value that is not an object', () => {
    expect(fieldValues({ ab: { c: 1 }, a: { bc: 2 } }, 'a.c')).toEqual([]);
    expect(fieldValues({ a: 'text' }, 'a.b')).toEqual([]);
    expect(fieldValues({ a: { b: { c: 1 } } }, 'a.b')).toEqual([{ c: 1 }]);
    expect(fieldValues('a', 'a')).toEqual([]);
    // `abc` is not `a.c`: a key that begins the path must end at a dot in it.
    expect(fieldValues({ a: { c: 1 } }, 'abc')).toEqual([]);
    expect(fieldExists({ a: { c: 1 } }, 'abc')).toBe(false);
  });
});

describe('fieldExists', () => {
  it('finds a leaf, or an object holding one, however the keys are written', () => {
    expect(fieldExists({ 'user.name': 'x' }, 'user')).toBe(true);
    expect(fieldExists({ user: { name: 'x' } }, 'user')).toBe(true);
    expect(fieldExists({ user: { name: 'x' } }, 'user.name')).toBe(true);
    expect(fieldExists({ 'user.name': 'x' }, 'user.name')).toBe(true);
    expect(fieldExists({ users: 'x' }, 'user')).toBe(false);
    expect(fieldExists({ 'users.name': 'x' }, 'user')).toBe(false);
    expect(fieldExists([{ a: null }, { a: [0] }], 'a')).toBe(true);
    expect(fieldExists('a', 'a')).toBe(false);
  });

  it('does not count nulls, empty lists or empty objects', () => {
    expect(fieldExists({ a: null }, 'a')).toBe(false);
    expect(fieldExists({ a: [] }, 'a')).toBe(false);
    expect(fieldExists({ a: { b: null, c: [null] } }, 'a')).toBe(false);
    expect(fieldExists({ a: { b: null } }, 'a.b')).toBe(false);
    expect(fieldExists({ a: false }, 'a')).toBe(true);
  });
});

describe('leafPaths', () => {
  it('names every leaf by its dotted path, once, skipping nulls', () => {
    expect(leafPaths({ a: { b: 1, c: [{ d: 2 }, { d: 3 }] }, 'e.f': 'x', g: null, h: [] })).toEqual(['a.b', 'a.c.d', 'e.f']);
    expect(leafPaths('x')).toEqual([]);
    expect(leafPaths([{ a: 1 }, { b: 2 }])).toEqual(['a', 'b']);
  });
});

describe('document values that are not objects', () => {
  it('never reads into text, and skips undefined values as it does nulls', () => {
    expect(fieldValues({ a: 'xyz' }, 'a.0')).toEqual([]);
    expect(fieldExists({ a: 'xyz' }, 'a.0')).toBe(false);
    expect(fieldValues({ a: undefined, b: [undefined, 1] }, 'a')).toEqual([]);
    expect(fieldValues({ b: [undefined, 1] }, 'b')).toEqual([1]);
    expect(fieldExists({ a: undefined }, 'a')).toBe(false);
    expect(leafPaths({ a: undefined, b: 1 })).toEqual(['b']);
  });

  it('follows only the keys the path starts with', () => {
    expect(fieldValues({ b: { c: 1 } }, 'a.c')).toEqual([]);
    expect(fieldExists({ b: { c: 1 } }, 'a.c')).toBe(false);
    expect(fieldExists({ a: { b: null, c: 1 } }, 'a')).toBe(true);
  });
});

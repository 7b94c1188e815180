import { describe, expect, it } from 'vitest';
import { lookupEsKey } from '../../src/simulate/es-key-lookup.js';

describe('lookupEsKey', () => {
  it('ElastAlert 2: the longest dotted prefix that is a key, stopping at the first value that is not an object', () => {
    expect(lookupEsKey({ 'a.b': 1, a: { b: 2 } }, 'a.b', '2')).toBe(1);
    expect(lookupEsKey({ a: { b: 2 } }, 'a.b', '2')).toBe(2);
    expect(lookupEsKey({ a: { 'b.c': 3 } }, 'a.b.c', '2')).toBe(3);
    expect(lookupEsKey({ user: 'bob' }, 'user.name', '2')).toBe('bob');
    expect(lookupEsKey({ user: [{ name: 'a' }] }, 'user.name', '2')).toEqual([{ name: 'a' }]);
    expect(lookupEsKey({ user: { name: 'x' } }, 'user.name.keyword', '2')).toBe('x');
    expect(lookupEsKey({ user: { id: 1 } }, 'user.name', '2')).toBeUndefined();
    expect(lookupEsKey({ other: 1 }, 'user', '2')).toBeUndefined();
    expect(lookupEsKey('not a document', 'user', '2')).toBeUndefined();
  });

  // As _find_es_dict_by_key: the rest after `[n]` is searched as written, so `a[1]b` finds what
  // `a[1].b` does not (the rest `.b` starts with an empty key).
  it('ElastAlert 2: reads a one-digit list index, alone or followed by more path', () => {
    const doc = { a: [{ b: 1 }, { b: 2, c: { d: 4 } }], s: ['x', 'y'], o: { 0: 'z' } };
    expect(lookupEsKey(doc, 'a[1]b', '2')).toBe(2);
    expect(lookupEsKey(doc, 'a[1].b', '2')).toBeUndefined();
    expect(lookupEsKey(doc, 'a[1]c.d', '2')).toBe(4);
    expect(lookupEsKey(doc, 'a[0]', '2')).toEqual({ b: 1 });
    expect(lookupEsKey(doc, 's[1]', '2')).toBe('y');
    expect(lookupEsKey(doc, 'o[0]', '2')).toBeUndefined();
    // An indexed item that is not an object ends the search with the whole list, as python3 answers.
    expect(lookupEsKey(doc, 's[0]b', '2')).toEqual(['x', 'y']);
  });

  it('ElastAlert 0.2.4: the literal key, else a walk through nested objects, nothing for a path past a value', () => {
    expect(lookupEsKey({ 'a.b': 1, a: { b: 2 } }, 'a.b', '0.2')).toBe(1);
    expect(lookupEsKey({ a: { b: 2 } }, 'a.b', '0.2')).toBe(2);
    expect(lookupEsKey({ user: 'bob' }, 'user.name', '0.2')).toBeUndefined();
  });
});

import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyDocument } from '../../src/simulate/copy-document.js';

const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '@timestamp', 'a.b'));
const document = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** JSON text of a document with its __proto__ fields visible (JSON.stringify skips no own field). */
const shape = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));

describe('copyDocument', () => {
  it('copies as structuredClone does: equal, own fields the same, nothing shared', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const copy = copyDocument(doc);
        const platform = structuredClone(doc);
        // Node's own deep equality (prototypes, own fields, undefined values); vitest's compares
        // a field named `constructor` as if it were the object's class.
        expect(isDeepStrictEqual(copy, platform)).toBe(true);
        expect(shape(copy)).toBe(shape(platform));
        if (doc !== null && typeof doc === 'object') expect(copy).not.toBe(doc);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a field named __proto__ as a field, and a later change to the original does not reach the copy', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": true}, "user": {"name": "root"}}') as Record<string, { name?: string; polluted?: boolean }>;
    const copy = copyDocument(doc);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'user']);
    doc.user!.name = 'changed';
    expect(copy.user!.name).toBe('root');
  });

  it('hands what is not plain data to structuredClone', () => {
    const when = new Date(0);
    const copy = copyDocument({ when });
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(when);
    expect(copy.when.getTime()).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hitFields, withEventId } from '../../src/simulate/hit-fields.js';

/** Keys an event may have, weighted towards the ones that matter here. */
const key = fc.oneof(fc.constantFrom('_id', '_index', '__proto__', '0', '7', '@timestamp', 'host.name', 'constructor'), fc.string({ maxLength: 6 }));

/** An event as fixtures give it: parsed from JSON, so a `__proto__` key is an own field. */
const parsedEvent = fc
  .array(fc.tuple(key, fc.jsonValue({ maxDepth: 2 })), { maxLength: 12 })
  .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as Record<string, unknown>);

/** The same own keys in the same order, the same values and the same prototype; a new object. */
function expectSameCopy(copy: Record<string, unknown>, expected: Record<string, unknown>, source: Record<string, unknown>): void {
  expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(expected));
  expect(Object.getOwnPropertyDescriptors(copy)).toEqual(Object.getOwnPropertyDescriptors(expected));
  expect(Object.getPrototypeOf(copy)).toBe(Object.getPrototypeOf(expected));
  expect(copy).not.toBe(source);
}

describe('copies of events', () => {
  it('withEventId is what spreading the hit with an _id gives', () => {
    fc.assert(
      fc.property(parsedEvent.filter((hit) => !Object.hasOwn(hit, '_id')), fc.string(), (hit, id) => {
        expectSameCopy(withEventId(hit, id), { ...hit, _id: id }, hit);
      }),
      { numRuns: 2000 },
    );
  });

  it('hitFields is what object rest without _id and _index gives', () => {
    fc.assert(
      fc.property(parsedEvent, (hit) => {
        const { _id, _index, ...expected } = hit;
        expectSameCopy(hitFields(hit), expected, hit);
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonFieldScanner } from '../../src/runtime/json-field-scanner.js';

/** Feeds the text to a scanner in chunks cut at the given points. */
function scan(path: (string | number)[], text: string, cuts: number[] = []): unknown {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new JsonFieldScanner(path);
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    scanner.push(bytes.subarray(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  scanner.push(bytes.subarray(from));
  return scanner.value();
}

const scalar = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

describe('JsonFieldScanner', () => {
  it('finds the top-level id of an XSOAR create reply', () => {
    expect(scan(['id'], '{"version":1,"rawJSON":"{\\"id\\":\\"inner\\"}","id":"178791","labels":[{"type":"id","value":"x"}]}')).toBe('178791');
    expect(scan(['id'], '{ "id" : 42 }')).toBe(42);
    expect(scan(['id'], '{"name":"no id here"}')).toBeUndefined();
  });

  it('finds data[0].id of a search reply, not a nested or later one', () => {
    const reply = '{"total":2,"data":[{"labels":[{"id":"label"}],"id":"7"},{"id":"8"}]}';
    expect(scan(['data', 0, 'id'], reply)).toBe('7');
    expect(scan(['data', 1, 'id'], reply)).toBe('8');
    expect(scan(['data', 0, 'id'], '{"total":0,"data":[]}')).toBeUndefined();
    expect(scan(['data', 0, 'id'], '{"total":0,"data":null}')).toBeUndefined();
  });

  it('answers what JSON.parse reads at the path, however the bytes are chunked', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.jsonValue({ maxDepth: 3 }),
        scalar,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(' ', '', '\n  '),
        (before, after, id, cuts, space) => {
          const doc = { before, noise: '\\"id\\": "x" \u{1F600}', id, after };
          const text = JSON.stringify(doc, null, space);
          expect(scan(['id'], text, cuts)).toEqual(JSON.parse(text).id);
          const search = JSON.stringify({ data: [doc, { id: 'second' }], total: 2 }, null, space);
          expect(scan(['data', 0, 'id'], search, cuts)).toEqual(JSON.parse(search).data[0].id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives up on a value longer than its limit rather than holding it', () => {
    const scanner = new JsonFieldScanner(['id'], 8);
    scanner.push(Buffer.from(`{"id":"${'x'.repeat(100)}"}`));
    expect(scanner.value()).toBeUndefined();
  });

  it('never throws on text that is not JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => scan(['id'], text)).not.toThrow();
      }),
    );
  });
});

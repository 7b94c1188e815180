/**
 * `type: new_term` where ElastAlert's NewTermsRule and the terms aggregation it learns from
 * decide something the basic cases do not show. Every expected outcome here is what both
 * ElastAlert lines produce for the same case (checked through the fidelity harness).
 */
import { describe, expect, it } from 'vitest';
import { at, run } from './simulation-fixtures.js';

const newTerms = (r: ReturnType<typeof run>) => r.matches.map((m) => [m._id, m.new_field]);

describe('new_term', () => {
  it('keeps the known terms of each field apart: a value known for one field is new for another', () => {
    const r = run({ type: 'new_term', fields: ['u', 'h'] }, [at(0, { u: 'y', h: 'x' }), at(1, { u: 'x', h: 'y' })], { history: [at(-60, { u: 'x', h: 'z' })] });
    expect(newTerms(r)).toEqual([['event-1', 'u'], ['event-1', 'h'], ['event-2', 'h']]);
  });

  it('learns the history of a single query_key', () => {
    const r = run({ type: 'new_term', query_key: 'u' }, [at(0, { u: 'x' }), at(1, { u: 'y' })], { history: [at(-60, { u: 'x' })] });
    expect(newTerms(r)).toEqual([['event-2', 'u']]);
  });

  it('learns the history of fields even when the query_key is a list', () => {
    const r = run({ type: 'new_term', fields: ['u'], query_key: ['u', 'h'] }, [at(0, { u: 'x', h: 'a' }), at(1, { u: 'y', h: 'a' })], {
      history: [at(-60, { u: 'x', h: 'a' })],
    });
    expect(r.matches.map((m) => [m._id, m.new_field, m['u,h']])).toEqual([['event-2', 'u', 'y, a']]);
  });

  // A null is not indexed, and an object is indexed under its own sub-fields: neither is a term.
  it('learns no term from a null or an object in history, not even their text', () => {
    const r = run({ type: 'new_term', fields: ['u'] }, [at(0, { u: 'null' }), at(1, { u: '[object Object]' }), at(2, { u: 'a' })], {
      history: [at(-60, { u: null }), at(-59, { u: { x: 1 } }), at(-58, { u: 'a' })],
    });
    expect(newTerms(r)).toEqual([['event-1', 'u'], ['event-2', 'u']]);
  });

  it('learns a composite term once when an array repeats a value', () => {
    const r = run({ type: 'new_term', fields: [['u', 'h']] }, [at(0, { u: 'x', h: 'a' }), at(1, { u: 'x', h: 'b' })], { history: [at(-60, { u: ['x', 'x'], h: 'a' })] });
    expect(newTerms(r)).toEqual([['event-2', ['u', 'h']]]);
  });
});

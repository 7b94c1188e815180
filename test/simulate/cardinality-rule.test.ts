/**
 * `type: cardinality` where ElastAlert's CardinalityRule decides something the basic cases do not
 * show. Every expected outcome here is what both ElastAlert lines produce for the same case
 * (checked through the fidelity harness).
 */
import { describe, expect, it } from 'vitest';
import { at, run, T0 } from './simulation-fixtures.js';

const max = { type: 'cardinality', cardinality_field: 'v', max_cardinality: 2, timeframe: { minutes: 10 } };
const min = { type: 'cardinality', cardinality_field: 'v', min_cardinality: 2, timeframe: { minutes: 5 } };

describe('cardinality', () => {
  // One run gets all three hits: values older than the timeframe are dropped before the match is made.
  it('forgets values older than the timeframe before matching, within one run', () => {
    const hits = [at(0, { v: 'a' }), at(1, { v: 'b' }), at(12, { v: 'c' })];
    expect(run(max, hits, { runEvery: 3_600_000 }).matches).toEqual([]);
  });

  it('still counts a value exactly a timeframe old', () => {
    const r = run(max, [at(0, { v: 'a' }), at(5, { v: 'b' }), at(10, { v: 'c' })]);
    expect(r.matches.map((m) => [m['@timestamp'], m.v])).toEqual([['2026-01-01T10:10:00Z', 'c']]);
  });

  it('reports too few values without a query_key as a match holding only the time', () => {
    const r = run(min, [at(0, { v: 'a' })], { now: T0 + 8 * 60_000 });
    expect(r.matches).toEqual([{ '@timestamp': '2026-01-01T10:06:00Z', num_hits: 1, num_matches: 1 }]);
  });

  // The key's first event stays at minute 0 while the same value keeps coming: at the hit of
  // minute 6 more than a timeframe has passed.
  it('measures the time since the key\'s first event, not its latest', () => {
    const hits = Array.from({ length: 9 }, (_, i) => at(i, { v: 'a' }));
    const r = run(min, hits, { now: T0 + 8 * 60_000, runEvery: 3_600_000 });
    expect(r.matches.map((m) => [m['@timestamp'], r.alertTimes[0]])).toEqual([['2026-01-01T10:06:00Z', T0 + 8 * 60_000]]);
  });
});

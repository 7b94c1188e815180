/**
 * `type: spike` where ElastAlert's SpikeRule decides something the basic cases do not show:
 * alert_on_new_data and the skip after a match, placeholders at each run end, the key of a
 * missing query_key value, the spike_type comparisons and means. Every expected outcome here is
 * what both ElastAlert lines produce for the same case (checked through the fidelity harness).
 */
import { describe, expect, it } from 'vitest';
import { at, run, T0 } from './simulation-fixtures.js';

type Result = ReturnType<typeof run>;

/** Each alert's single match: [minutes after T0 of its timestamp, query_key value, spike_count, reference_count, placeholder]. */
const spikes = (r: Result, qk = 'u') =>
  r.alerts.map(([m]) => [(Date.parse(m!['@timestamp'] as string) - T0) / 60_000, m![qk], m!.spike_count, m!.reference_count, m!.placeholder ?? false]);

const keyed = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, query_key: 'u' };
const whole = { type: 'spike', spike_height: 2, spike_type: 'down', timeframe: { minutes: 5 } };

describe('alert_on_new_data', () => {
  // Key a watches two timeframes (0 to 10); b comes before that, c after.
  const hits = [at(0, { u: 'a' }), at(1, { u: 'b' }), at(1.2, { u: 'b' }), at(11, { u: 'a' }), at(12, { u: 'c' })];

  it('lets a new key alert at once, but only after some key has filled its reference window', () => {
    const r = run({ ...keyed, alert_on_new_data: true }, hits, { now: T0 + 12 * 60_000 });
    expect(spikes(r)).toEqual([
      [10, 'a', 0, 0, true],
      [12, 'c', 1, 0, false],
      [12, 'b', 0, 0, true],
    ]);
  });

  it('without it, a key waits two timeframes from its own first event', () => {
    const r = run(keyed, hits, { now: T0 + 12 * 60_000 });
    expect(spikes(r)).toEqual([
      [10, 'a', 0, 0, true],
      [12, 'b', 0, 0, true],
    ]);
  });

  // b's match (at 12:42, made of the hit at 12:30) empties its reference window and skips its
  // checks until 12:30 + 2 x 5 minutes: the rise at 15 is not reported. The key's first event is
  // taken again at the run end 13, so at 22:30 it is still "new": exactly then it may alert again.
  it('skips a key\'s checks for two timeframes after the event it matched, up to and not including that moment', () => {
    const hits = [at(0, { u: 'a' }), at(11, { u: 'a' }), at(12.5, { u: 'b' }), at(12.7, { u: 'b' }), at(15, { u: 'b' }), ...Array.from({ length: 6 }, () => at(22.5, { u: 'b' }))];
    const r = run({ ...keyed, alert_on_new_data: true, threshold_cur: 2 }, hits, { now: T0 + 22.5 * 60_000 });
    expect(spikes(r)).toEqual([
      [12.5, 'b', 2, 0, false],
      [22.5, 'b', 6, 3, false],
    ]);
    expect(r.alertTimes).toEqual([T0 + 13 * 60_000, T0 + 22.5 * 60_000]);
  });

  // The same hits without a query_key: after the match (of the hit at 11) the rule waits two
  // whole timeframes from its next first event (the run end 13), so the rise at 22:30 is not reported.
  it('needs a query_key: without one the rule waits two timeframes after a match as usual', () => {
    const rule = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, alert_on_new_data: true, threshold_cur: 2 };
    const hits = [at(0), at(11), at(12.5), at(12.7), at(15), ...Array.from({ length: 6 }, () => at(22.5))];
    const r = run(rule, hits, { now: T0 + 22.5 * 60_000 });
    expect(spikes(r)).toEqual([[11, undefined, 2, 0, false]]);
  });
});

describe('placeholders and keys', () => {
  // ElastAlert keys a missing or null query_key value as the text 'other', shared with a real 'other'.
  it('counts events without the query_key value under the key other, which a placeholder match carries', () => {
    const hits = [at(0.5), at(1.5, { u: null }), at(6.5, { u: 'other' }), at(6.6)];
    const r = run({ ...keyed, spike_type: 'down' }, hits, { now: T0 + 25 * 60_000 });
    expect(spikes(r)).toEqual([[12.5, 'other', 0, 2, true]]);
  });

  // The key's windows are forgotten once both are empty, so it does not keep reporting 0 against 0.
  it('forgets a key whose windows have emptied, while the rule without query_key keeps its window and reports again', () => {
    const hits = [at(0.5, { u: 'a' }), at(1.5, { u: 'a' }), at(6.5, { u: 'a' }), at(6.6, { u: 'a' })];
    expect(spikes(run({ ...keyed, spike_type: 'down' }, hits, { now: T0 + 25 * 60_000 }))).toEqual([[12.5, 'a', 0, 2, true]]);
    const r = run(whole, hits, { now: T0 + 25 * 60_000 });
    expect(r.alerts.map(([m]) => m)).toEqual([
      { '@timestamp': '2026-01-01T10:12:30Z', placeholder: true, spike_count: 0, reference_count: 2, num_hits: 4, num_matches: 1 },
      { '@timestamp': '2026-01-01T10:23:30Z', placeholder: true, spike_count: 0, reference_count: 0, num_hits: 4, num_matches: 1 },
    ]);
  });

  // ElastAlert compares the key with 'all', its name for "no query_key": a value 'all' is treated so.
  it('treats the query_key value all as the whole rule: its placeholders carry no value and it is never forgotten', () => {
    const hits = [at(0.5, { u: 'all' }), at(1.5, { u: 'all' }), at(6.5, { u: 'all' }), at(6.6, { u: 'all' })];
    const r = run({ ...keyed, spike_type: 'down' }, hits, { now: T0 + 25 * 60_000 });
    expect(spikes(r)).toEqual([
      [12.5, undefined, 0, 2, true],
      [23.5, undefined, 0, 0, true],
    ]);
  });
});

describe('spike_type and spike_height', () => {
  // The rise at 10:05:30: one hit against none before it.
  const rise = [at(0), at(5.5), at(10.5), at(10.6), at(10.7)];

  it('reports a rise for up and both, and not for down', () => {
    const now = { now: T0 + 11 * 60_000 };
    expect(spikes(run({ ...whole, spike_type: 'up' }, rise, now))).toEqual([[5.5, undefined, 1, 0, false]]);
    expect(spikes(run({ ...whole, spike_type: 'both' }, rise, now))).toEqual([[5.5, undefined, 1, 0, false]]);
    expect(run(whole, rise, now).alerts).toEqual([]);
  });

  // At 11:00, 2 hits in the current window against 4 before: exactly a drop to half.
  it('reports a drop to exactly reference / spike_height', () => {
    const r = run(whole, [at(0), at(4), at(5.5), at(5.6), at(6), at(6.2), at(11), at(11.2)], { now: T0 + 12 * 60_000 });
    expect(spikes(r)).toEqual([[6.2, undefined, 2, 4, false]]);
  });

  // 3 or 4 hits against 1 to 4 before: never down to half.
  it('does not report as a drop a count above reference / spike_height', () => {
    const r = run(whole, [at(0), at(5.5), at(5.6), at(5.7), at(5.8), at(10.5), at(10.6), at(10.7)], { now: T0 + 11 * 60_000 });
    expect(r.alerts).toEqual([]);
  });
});

describe('field_value', () => {
  // Means 2 against 1 are no spike of height 4, though the sums (8 against 1) would be.
  it('compares the mean values of the windows, not their sums', () => {
    const rule = { type: 'spike', spike_height: 4, spike_type: 'up', timeframe: { minutes: 5 }, field_value: 'n' };
    const hits = [at(0, { n: 1 }), at(3, { n: 1 }), at(10.5, { n: 2 }), at(10.6, { n: 2 }), at(10.7, { n: 2 }), at(10.8, { n: 2 })];
    expect(run(rule, hits, { now: T0 + 12 * 60_000 }).alerts).toEqual([]);
  });

  // 0.2.4 looks the dotted path up (so a nested value counts) and skips events without it;
  // ElastAlert 2 asks `field_value in event`, which a nested value never is.
  it('reads a nested field_value on 0.2.4, skipping events without it, and nothing on ElastAlert 2', () => {
    const rule = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, field_value: 'x.n' };
    const hits = [at(0, { x: { n: 1 } }), at(5.5), at(5.6, { x: { n: 1 } }), at(10.5, { x: { n: 3 } }), at(10.6)];
    const old = run(rule, hits, { now: T0 + 11 * 60_000, elastalert: '0.2' });
    expect(spikes(old, 'x')).toEqual([[10.5, { n: 3 }, 3, 1, false]]);
    expect(run(rule, hits, { now: T0 + 11 * 60_000, elastalert: '2' }).alerts).toEqual([]);
  });
});

/**
 * `type: frequency` and `type: flatline` where ElastAlert's FrequencyRule and FlatlineRule decide
 * something the basic cases do not show. Every expected outcome here is what both ElastAlert lines
 * produce for the same case (checked through the fidelity harness).
 */
import { describe, expect, it } from 'vitest';
import { at, run, T0 } from './simulation-fixtures.js';

const minutes = (r: ReturnType<typeof run>) => r.matches.map((m) => (Date.parse(m['@timestamp'] as string) - T0) / 60_000);

describe('frequency', () => {
  const rule = { type: 'frequency', num_events: 3, timeframe: { minutes: 5 } };

  it('attaches every other event of the window, oldest first, with attach_related, and nothing without it', () => {
    const hits = [at(0, { n: 1 }), at(1, { n: 2 }), at(2, { n: 3 }), at(3, { n: 4 })];
    const related = run({ ...rule, attach_related: true }, hits, { now: T0 + 4 * 60_000 });
    expect(related.matches.map((m) => (m.related_events as { n: number }[]).map((e) => e.n))).toEqual([[1, 2]]);
    const plain = run(rule, hits.slice(0, 3), { now: T0 + 4 * 60_000 });
    expect(plain.matches).toEqual([{ '@timestamp': '2026-01-01T10:02:00Z', n: 3, _id: 'event-3', _index: 'logs-*', num_hits: 3, num_matches: 1 }]);
  });

  // ElastAlert sets the datetime where it found it; the JSON encoder writes it with isoformat().
  it('writes a nested timestamp_field of the match and its related events as isoformat, adding no top-level key', () => {
    const hits = [0, 1, 2].map((m) => ({ event: { created: new Date(T0 + m * 60_000).toISOString().replace('.000Z', 'Z') } }));
    const r = run({ ...rule, attach_related: true, timestamp_field: 'event.created' }, hits, { now: T0 + 4 * 60_000 });
    expect(r.matches).toEqual([
      {
        event: { created: '2026-01-01T10:02:00+00:00' },
        _id: 'event-3',
        _index: 'logs-*',
        related_events: [
          { event: { created: '2026-01-01T10:00:00+00:00' }, _id: 'event-1', _index: 'logs-*' },
          { event: { created: '2026-01-01T10:01:00+00:00' }, _id: 'event-2', _index: 'logs-*' },
        ],
        num_hits: 3,
        num_matches: 1,
      },
    ]);
  });
});

describe('flatline', () => {
  const rule = { type: 'flatline', threshold: 1, timeframe: { minutes: 5 } };

  // After the match at 11 forget_keys drops the window; the hits from 12 on fill the same
  // 'all' window the next garbage_collect starts, so no third alert.
  it('without a query_key keeps one window, named all, for hits and for the runs without any', () => {
    const hits = [at(0), ...Array.from({ length: 14 }, (_, i) => at(12 + i))];
    const r = run({ ...rule, forget_keys: true }, hits, { now: T0 + 26 * 60_000 });
    expect(r.matches.map((m) => [m['@timestamp'], m.key, m.count])).toEqual([
      ['2026-01-01T10:05:00Z', 'all', 0],
      ['2026-01-01T10:11:00Z', 'all', 0],
    ]);
  });

  it('counts the runs before the first hit in the same window as the hits', () => {
    const hits = Array.from({ length: 9 }, (_, i) => at(3 + i));
    expect(run(rule, hits, { start: T0, now: T0 + 12 * 60_000 }).matches).toEqual([]);
  });

  it('reports silence before any hit under the key all, and watches nothing with a query_key and no hits', () => {
    const quiet = run(rule, [], { start: T0, now: T0 + 6 * 60_000 });
    expect(quiet.matches.map((m) => [m['@timestamp'], m.key, m.count])).toEqual([['2026-01-01T10:06:00Z', 'all', 0]]);
    expect(run({ ...rule, query_key: 'u' }, [], { start: T0, now: T0 + 12 * 60_000 }).matches).toEqual([]);
  });

  it('does not match a count equal to the threshold', () => {
    const hits = [at(0), at(0.5), at(5.2), at(5.4), at(10.1), at(10.3)];
    expect(minutes(run({ ...rule, threshold: 2 }, hits, { now: T0 + 12 * 60_000 }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { SimulationError } from '../../src/simulate/simulation-error.js';
import { dtToTs, parseEventTime, pythonIsoFormat } from '../../src/simulate/elastalert-time.js';
import { runEnds } from '../../src/simulate/simulate-rule.js';
import { at, run, T0 } from './simulation-fixtures.js';

describe('ElastAlert times', () => {
  it('formats match timestamps as dt_to_ts does: Z for UTC, milliseconds only when present', () => {
    expect(dtToTs(parseEventTime('2026-01-01T10:00:00Z')!)).toBe('2026-01-01T10:00:00Z');
    expect(dtToTs(parseEventTime('2026-01-01T10:00:00.120Z')!)).toBe('2026-01-01T10:00:00.120Z');
    expect(dtToTs(parseEventTime('2026-01-01T10:00:00+02:00')!)).toBe('2026-01-01T10:00:00+02:00');
    expect(dtToTs(parseEventTime('2026-01-01T10:00:00')!)).toBe('2026-01-01T10:00:00Z');
    expect(pythonIsoFormat(parseEventTime('2026-01-01T10:00:00.5Z')!)).toBe('2026-01-01T10:00:00.500000+00:00');
  });
});

describe('any', () => {
  it('makes every hit a match with _id, _index, num_hits and num_matches', () => {
    const r = run({ type: 'any' }, [at(0, { user: { name: 'a' } }), at(0, { _id: 'x1', user: { name: 'b' } })]);
    expect(r.alerts).toHaveLength(2);
    expect(r.matches[0]).toEqual({ '@timestamp': '2026-01-01T10:00:00Z', user: { name: 'a' }, _id: 'event-1', _index: 'logs-*', num_hits: 2, num_matches: 2 });
    expect(r.matches[1]!._id).toBe('x1');
  });

  it('fails on an event without a timestamp, naming it', () => {
    expect(() => run({ type: 'any' }, [{ user: 'x' }])).toThrow(SimulationError);
    expect(() => run({ type: 'any' }, [{ user: 'x' }])).toThrow(/event 1 has no @timestamp/);
  });
});

describe('realert', () => {
  it('drops matches of the same query_key value within realert and keeps other values', () => {
    const hits = [at(0, { u: 'a' }), at(2, { u: 'a' }), at(3, { u: 'b' }), at(12, { u: 'a' })];
    const r = run({ type: 'any', query_key: 'u', realert: { minutes: 10 } }, hits);
    expect(r.alerts.map((a) => a[0]!.u)).toEqual(['a', 'b', 'a']);
    expect(r.silenced).toBe(1);
  });

  it('silences the whole rule without a query_key', () => {
    const r = run({ type: 'any', realert: { minutes: 5 } }, [at(0), at(1), at(7)]);
    expect(r.alerts).toHaveLength(2);
  });

  // ElastAlert silences while ts_now() < until: a match in the run ending exactly realert after
  // the alert (sent at the first run's end, minute 1) alerts again; half a minute earlier it does not.
  it('alerts again on a match exactly realert after the last alert, and not a moment before', () => {
    const exactly = run({ type: 'any', realert: { minutes: 10 } }, [at(0), at(11)]);
    expect(exactly.alertTimes).toEqual([T0 + 60_000, T0 + 11 * 60_000]);
    expect(exactly.silenced).toBe(0);
    const before = run({ type: 'any', realert: { minutes: 10 } }, [at(0), at(10.5)]);
    expect(before.alerts).toHaveLength(1);
    expect(before.silenced).toBe(1);
  });
});

describe('aggregation', () => {
  it('sends the matches of one aggregation window as one alert', () => {
    const r = run({ type: 'any', aggregation: { minutes: 5 } }, [at(0), at(2), at(4), at(9)]);
    expect(r.alerts.map((a) => a.length)).toEqual([3, 1]);
  });
});

describe('frequency', () => {
  const rule = { type: 'frequency', num_events: 3, timeframe: { minutes: 5 }, query_key: 'source.ip' };
  it('matches at the num_events-th hit within timeframe, per query_key, with the newest hit', () => {
    const hits = [at(0, { source: { ip: '1.1.1.1' } }), at(1, { source: { ip: '1.1.1.1' } }), at(1, { source: { ip: '2.2.2.2' } }), at(2, { source: { ip: '1.1.1.1' } })];
    const r = run(rule, hits);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!['@timestamp']).toBe('2026-01-01T10:02:00Z');
  });

  it('does not count hits a whole timeframe apart', () => {
    const ip = { source: { ip: '1.1.1.1' } };
    expect(run(rule, [at(0, ip), at(3, ip), at(5, ip)]).matches).toHaveLength(0);
    expect(run(rule, [at(0, ip), at(3, ip), at(4, ip)]).matches).toHaveLength(1);
  });

  it('starts counting afresh after a match', () => {
    const ip = { source: { ip: '1.1.1.1' } };
    expect(run(rule, [at(0, ip), at(0, ip), at(0, ip), at(1, ip), at(1, ip)]).matches).toHaveLength(1);
  });

  it('keys a compound query_key by the joined field ElastAlert adds', () => {
    const r = run({ ...rule, query_key: ['a', 'b'], num_events: 2 }, [at(0, { a: 'x', b: 1 }), at(1, { a: 'x', b: 1 }), at(1, { a: 'x', b: 2 })]);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!['a,b']).toBe('x, 1');
  });

  it('attaches the other events of the window with attach_related', () => {
    const r = run({ ...rule, query_key: undefined, num_events: 2, attach_related: true }, [at(0), at(1)]);
    expect(r.matches[0]!.related_events).toEqual([{ '@timestamp': '2026-01-01T10:00:00+00:00', _id: 'event-1', _index: 'logs-*' }]);
  });
});

describe('flatline', () => {
  const rule = { type: 'flatline', threshold: 2, timeframe: { minutes: 10 } };
  it('matches when fewer than threshold hits fall within timeframe, once a timeframe was watched', () => {
    const r = run(rule, [at(0), at(1)], { now: T0 + 30 * 60_000 });
    expect(r.matches.length).toBeGreaterThan(0);
    expect(r.matches[0]).toMatchObject({ key: 'all', count: 0, threshold: 2 });
    expect(r.matches[0]!['@timestamp']).toBe('2026-01-01T10:11:00Z');
  });

  it('stays quiet while hits keep coming', () => {
    const hits = Array.from({ length: 30 }, (_, i) => at(i));
    expect(run(rule, hits).matches).toHaveLength(0);
  });

  // The window needs a whole timeframe watched (from the first hit, minute 1) before it may
  // fire; then every run fires while the count stays low, unless forget_keys starts afresh.
  it('fires at every run once a timeframe was watched, and with forget_keys watches a whole timeframe again', () => {
    const minutes = (r: ReturnType<typeof run>) => r.matches.map((m) => (Date.parse(m['@timestamp'] as string) - T0) / 60_000);
    expect(minutes(run(rule, [at(0), at(1)], { now: T0 + 30 * 60_000 }))).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
    expect(minutes(run({ ...rule, forget_keys: true }, [at(0), at(1)], { now: T0 + 30 * 60_000 }))).toEqual([11, 22]);
  });

  it('fires when the query matches nothing for a whole timeframe', () => {
    const r = run(rule, [], { start: T0, now: T0 + 11 * 60_000 });
    expect(r.matches.length).toBeGreaterThan(0);
  });
});

describe('spike', () => {
  const rule = { type: 'spike', spike_height: 3, spike_type: 'up', timeframe: { minutes: 10 } };
  it('matches when the current window has spike_height times the reference window', () => {
    const hits = [at(0), at(5), ...Array.from({ length: 6 }, (_, i) => at(21 + i * 0.1))];
    const r = run(rule, hits);
    expect(r.matches).toHaveLength(1);
    // The hit at 10:05 is still in the reference window; the third hit at 10:21 is 3x it.
    expect(r.matches[0]).toMatchObject({ spike_count: 3, reference_count: 1, '@timestamp': '2026-01-01T10:21:00Z' });
  });

  it('needs two timeframes of history before it may alert', () => {
    const hits = Array.from({ length: 10 }, (_, i) => at(1 + i * 0.1));
    expect(run(rule, hits).matches).toHaveLength(0);
  });

  it('respects threshold_cur', () => {
    const hits = [at(0), at(5), ...Array.from({ length: 6 }, (_, i) => at(21 + i * 0.1))];
    expect(run({ ...rule, threshold_cur: 10 }, hits).matches).toHaveLength(0);
  });

  // The run ending at 10:20 sees 0 hits against the reference's 1: a drop (0 <= 1 / 3), which
  // down and both report, and after which the rise at 10:21 is not reported.
  it('respects threshold_ref, and tells a rise (up) from a drop (down), both reporting the first', () => {
    const hits = [at(0), at(5), ...Array.from({ length: 6 }, (_, i) => at(21 + i * 0.1))];
    const seen = (r: ReturnType<typeof run>) => r.matches.map((m) => [m['@timestamp'], m.spike_count, m.reference_count]);
    expect(run({ ...rule, threshold_ref: 2 }, hits).matches).toHaveLength(0);
    expect(seen(run({ ...rule, threshold_ref: 1 }, hits))).toEqual([['2026-01-01T10:21:00Z', 3, 1]]);
    expect(seen(run({ ...rule, spike_type: 'down' }, hits))).toEqual([['2026-01-01T10:20:00Z', 0, 1]]);
    expect(seen(run({ ...rule, spike_type: 'both' }, hits))).toEqual([['2026-01-01T10:20:00Z', 0, 1]]);
  });

  it('disables the rule when field_value holds what int() refuses with a TypeError', () => {
    expect(() => run({ ...rule, field_value: 'n' }, [at(0, { n: [1] })])).toThrow(
      'ElastAlert 2 disables this rule: field_value n holds [1], which Python\'s int() refuses with a TypeError',
    );
  });

  it('counts the mean of field_value, skipping missing, null and non-numeric values', () => {
    const hits = (noise: Record<string, unknown>[]) => [
      at(0, { n: 1 }), at(5, { n: 1 }), ...noise, at(21, { n: 3 }), at(21.1, { n: 3 }),
    ];
    const clean = run({ ...rule, field_value: 'n' }, hits([]));
    expect(clean.matches.map((m) => [m.spike_count, m.reference_count])).toEqual([[3, 1]]);
    const noisy = run({ ...rule, field_value: 'n' }, hits([at(6), at(6.5, { n: null }), at(7, { n: 'many' })]));
    expect(noisy.matches.map((m) => [m.spike_count, m.reference_count])).toEqual([[3, 1]]);
  });
});

describe('cardinality', () => {
  const rule = { type: 'cardinality', cardinality_field: 'user.name', max_cardinality: 2, timeframe: { minutes: 10 }, query_key: 'source.ip' };
  const ev = (m: number, user: string, ip = '1.1.1.1') => at(m, { user: { name: user }, source: { ip } });
  it('matches when distinct values within timeframe exceed max_cardinality', () => {
    expect(run(rule, [ev(0, 'a'), ev(1, 'b'), ev(2, 'a')]).matches).toHaveLength(0);
    const r = run(rule, [ev(0, 'a'), ev(1, 'b'), ev(2, 'c')]);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!.user).toEqual({ name: 'c' });
  });

  it('forgets values older than timeframe', () => {
    expect(run(rule, [ev(0, 'a'), ev(1, 'b'), ev(12, 'c')]).matches).toHaveLength(0);
  });

  it('keeps values of different query_key values apart', () => {
    expect(run(rule, [ev(0, 'a'), ev(1, 'b', '2.2.2.2'), ev(2, 'c')]).matches).toHaveLength(0);
  });

  it('does not count missing or null values, also without a query_key', () => {
    const whole = { type: 'cardinality', cardinality_field: 'u', max_cardinality: 1, timeframe: { minutes: 10 } };
    expect(run(whole, [at(0, { u: 'a' }), at(1), at(2, { u: null })]).matches).toHaveLength(0);
    expect(run(whole, [at(0, { u: 'a' }), at(1, { u: 'b' })]).matches).toHaveLength(1);
  });

  // Fewer than min_cardinality values, checked at each run end once more than a timeframe passed
  // since the key's first event (minute 0): the run ending at 6; then the key starts afresh.
  it('matches fewer than min_cardinality values once more than a timeframe has passed, carrying the query_key value', () => {
    const few = { type: 'cardinality', cardinality_field: 'u', min_cardinality: 2, timeframe: { minutes: 5 }, query_key: 'h' };
    const r = run(few, [at(0, { h: 'x', u: 'a' })], { now: T0 + 10 * 60_000 });
    expect(r.matches.map((m) => [m['@timestamp'], m.h])).toEqual([['2026-01-01T10:06:00Z', 'x']]);
    const enough = run(few, [at(0, { h: 'x', u: 'a' }), at(2, { h: 'x', u: 'b' }), at(4, { h: 'x', u: 'a' })], { now: T0 + 6 * 60_000 });
    expect(enough.matches).toHaveLength(0);
  });
});

describe('change', () => {
  const rule = { type: 'change', compare_key: 'source.geo.country_iso_code', query_key: 'user.name', ignore_null: true };
  const ev = (m: number, user: string, country?: string) => at(m, { user: { name: user }, source: { geo: country ? { country_iso_code: country } : {} } });
  it('matches when compare_key changes for the same query_key, with old and new values', () => {
    const r = run(rule, [ev(0, 'bob', 'FR'), ev(1, 'alice', 'US'), ev(2, 'bob', 'FR'), ev(3, 'bob', 'RU')]);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ old_value: ['FR'], new_value: ['RU'] });
  });

  it('ignores hits without the value when ignore_null is set', () => {
    expect(run(rule, [ev(0, 'bob', 'FR'), ev(1, 'bob'), ev(2, 'bob', 'FR')]).matches).toHaveLength(0);
  });

  it('only matches within timeframe of the previous value when timeframe is set', () => {
    expect(run({ ...rule, timeframe: { minutes: 5 } }, [ev(0, 'bob', 'FR'), ev(10, 'bob', 'RU')]).matches).toHaveLength(0);
  });

  it('matches a change exactly timeframe after the previous value, and not a moment later', () => {
    const within = { ...rule, timeframe: { minutes: 5 } };
    expect(run(within, [ev(0, 'bob', 'FR'), ev(5, 'bob', 'RU')]).matches).toHaveLength(1);
    expect(run(within, [ev(0, 'bob', 'FR'), at(5.001, { user: { name: 'bob' }, source: { geo: { country_iso_code: 'RU' } } })]).matches).toHaveLength(0);
  });

  it('compares every compare_key, and ignore_null keeps false but skips empty values', () => {
    const multi = { type: 'change', compare_key: ['a', 'b'], query_key: 'u', ignore_null: true };
    const r = run(multi, [at(0, { u: 1, a: 'x', b: false }), at(1, { u: 1, a: 'x', b: true }), at(2, { u: 1, a: '', b: true }), at(3, { u: 1, a: 'x', b: true })]);
    expect(r.matches.map((m) => [m.old_value, m.new_value])).toEqual([[['x', false], ['x', true]]]);
  });

  it('does not match the same value again within timeframe', () => {
    expect(run({ ...rule, timeframe: { minutes: 5 } }, [ev(0, 'bob', 'FR'), ev(1, 'bob', 'FR')]).matches).toEqual([]);
  });

  it('without ignore_null, a value that disappears is a change to None', () => {
    const r = run({ ...rule, ignore_null: false }, [ev(0, 'bob', 'FR'), ev(1, 'bob')]);
    expect(r.matches.map((m) => [m.old_value, m.new_value])).toEqual([[['FR'], [null]]]);
  });
});

describe('new_term', () => {
  const rule = { type: 'new_term', fields: ['process.name'] };
  const ev = (m: number, name: string) => at(m, { process: { name } });
  it('matches the first hit of a value the history does not have, once', () => {
    const r = run(rule, [ev(0, 'cmd.exe'), ev(1, 'evil.exe'), ev(2, 'evil.exe')], { history: [ev(-60, 'cmd.exe')] });
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ process: { name: 'evil.exe' }, new_field: 'process.name' });
  });

  it('learns history from exactly terms_window_size before the start up to, not including, the start', () => {
    const r = run({ ...rule, terms_window_size: { days: 1 } }, [ev(0, 'edge'), ev(1, 'start'), ev(2, 'old')], {
      history: [ev(-24 * 60, 'edge'), ev(0, 'start'), ev(-24 * 60 - 1, 'old')],
    });
    expect(r.matches.map((m) => (m.process as { name: string }).name)).toEqual(['start', 'old']);
  });

  it('alerts on a missing field with alert_on_missing_field, and learns keyword terms of arrays, not nulls or objects', () => {
    const r = run({ ...rule, alert_on_missing_field: true }, [at(0), ev(1, 'a'), ev(2, 'b'), at(3, { process: { name: ['c', null] } })], {
      history: [at(-5, { process: { name: ['a', null, { x: 1 }] } })],
    });
    expect(r.matches.map((m) => m.missing_field ?? (m.process as { name: unknown }).name)).toEqual(['process.name', 'b', ['c', null]]);
  });

  it('learns every combination of a composite field\'s terms, and needs each part present', () => {
    const pair = { type: 'new_term', fields: [['u', 'h']] };
    const r = run(pair, [at(0, { u: 'x', h: 'z' }), at(1, { u: 'y', h: 'z' }), at(2, { u: 'x', h: 'w' }), at(3, { u: 'x' })], {
      history: [at(-5, { u: ['x', 'y'], h: 'z' })],
    });
    expect(r.matches.map((m) => [m.u, m.h])).toEqual([['x', 'w']]);
  });

  it('uses query_key when fields is not given', () => {
    expect(run({ type: 'new_term', query_key: 'process.name' }, [ev(0, 'a')]).matches[0]!.new_field).toBe('process.name');
  });
});

describe('blacklist and whitelist', () => {
  const ev = (m: number, name?: string) => at(m, name === undefined ? {} : { user: { name } });
  it('blacklist matches listed values only', () => {
    const r = run({ type: 'blacklist', compare_key: 'user.name', blacklist: ['root', 'admin'] }, [ev(0, 'root'), ev(1, 'bob'), ev(2)]);
    expect(r.matches.map((m) => (m.user as { name: string }).name)).toEqual(['root']);
  });

  // Python's `None in set(...)` is False; a dict cannot be looked up at all (TypeError).
  it('blacklist does not list a null value, and disables the rule on an object value', () => {
    const rule = { type: 'blacklist', compare_key: 'user.name', blacklist: ['root'] };
    expect(run(rule, [at(0, { user: { name: null } })]).matches).toEqual([]);
    expect(() => run(rule, [at(0, { user: { name: { first: 'r' } } })])).toThrow('compare_key user.name holds an object ({"first":"r"})');
  });

  it('whitelist with ignore_null skips a null value as it skips a missing one', () => {
    const r = run({ type: 'whitelist', compare_key: 'user.name', whitelist: ['root'], ignore_null: true }, [ev(0, null as unknown as string), ev(1, 'bob')]);
    expect(r.matches.map((m) => (m.user as { name: string }).name)).toEqual(['bob']);
  });

  it('whitelist matches values not listed, and missing ones unless ignore_null', () => {
    const hits = [ev(0, 'root'), ev(1, 'bob'), ev(2)];
    expect(run({ type: 'whitelist', compare_key: 'user.name', whitelist: ['root'], ignore_null: true }, hits).matches).toHaveLength(1);
    expect(run({ type: 'whitelist', compare_key: 'user.name', whitelist: ['root'], ignore_null: false }, hits).matches).toHaveLength(2);
  });
});

describe('what is not simulated', () => {
  it('names metric_aggregation and count queries', () => {
    expect(() => run({ type: 'metric_aggregation' }, [at(0)])).toThrow(/metric_aggregation is not simulated/);
    expect(() => run({ type: 'frequency', use_count_query: true, num_events: 1, timeframe: { minutes: 1 } }, [at(0)])).toThrow(/use_count_query/);
    const unsupported = expect.objectContaining({ code: 'ALERTSMITH_TEST_UNSUPPORTED' });
    expect(() => run({ type: 'metric_aggregation' }, [at(0)])).toThrow(unsupported);
    expect(() => run({ type: 'spike', use_terms_query: true, spike_height: 2, spike_type: 'up', timeframe: { minutes: 1 } }, [at(0)])).toThrow(unsupported);
  });
});

describe('realert of flatline', () => {
  it('silences per key value, which flatline matches carry as key', () => {
    const rule = { type: 'flatline', threshold: 1, timeframe: { minutes: 10 }, query_key: 'host.name', realert: { hours: 2 } };
    const r = run(rule, [at(0, { host: { name: 'a' } }), at(0, { host: { name: 'b' } })], { now: T0 + 30 * 60_000 });
    expect(r.alerts.map((a) => a[0]!.key).sort()).toEqual(['a', 'b']);
  });
});

describe('the run loop', () => {
  it('ends a run every runEvery after the start, the last one at now, and at least one run', () => {
    expect(runEnds(0, 150_000, 60_000)).toEqual([60_000, 120_000, 150_000]);
    expect(runEnds(0, 120_000, 60_000)).toEqual([60_000, 120_000]);
    expect(runEnds(5, 5, 60_000)).toEqual([5]);
    expect(runEnds(10, 0, 60_000)).toEqual([10]);
  });

  it('counts in num_hits every hit of the buffer_time before the run end, and in num_matches the run\'s matches', () => {
    const r = run({ type: 'any', buffer_time: { minutes: 2 } }, [at(0), at(0.5), at(1), at(2.5), at(4)], { runEvery: 60_000 });
    // Runs end at minutes 1, 2, 3, 4; the run ending at 3 sees the hits after minute 1 up to 3.
    expect(r.matches.map((m) => [m.num_hits, m.num_matches])).toEqual([[3, 3], [3, 3], [3, 3], [1, 1], [2, 1]]);
  });

  it('reads the default buffer_time as 45 minutes', () => {
    const r = run({ type: 'any' }, [at(0), at(44.5), at(46)]);
    // The run ending at 45 looks back to 0 (excluded); the run ending at 46 back to 1.
    expect(r.matches.map((m) => m.num_hits)).toEqual([1, 1, 2]);
  });

  it('simulates from start to now without hits, and returns nothing without either', () => {
    expect(run({ type: 'any' }, [])).toEqual({ matches: [], alerts: [], alertTimes: [], silenced: 0 });
    const flat = run({ type: 'flatline', threshold: 1, timeframe: { minutes: 5 } }, [], { start: T0, now: T0 + 20 * 60_000 });
    expect(flat.alerts.length).toBeGreaterThan(0);
  });

  it('names the value of a timestamp that is not ISO 8601', () => {
    expect(() => run({ type: 'any' }, [{ '@timestamp': 'yesterday' }])).toThrow(
      `event 1 has @timestamp "yesterday", not an ISO 8601 time: every event needs one, e.g. '@timestamp': '2026-01-01T10:00:00Z'`,
    );
  });

  it('silences by the joined value of a compound query_key', () => {
    const hits = [at(0, { a: 'x', b: 'y' }), at(2, { a: 'x', b: 'y' }), at(3, { a: 'x', b: 'z' })];
    const r = run({ type: 'any', query_key: ['a', 'b'], realert: { minutes: 10 } }, hits);
    expect(r.alerts.map((a) => a[0]!['a,b'])).toEqual(['x, y', 'x, z']);
    expect(r.silenced).toBe(1);
  });

  // ElastAlert joins the parts with str(): a list part is written as Python's repr() of its strings.
  it('joins a compound query_key holding a list of text with control characters as Python writes it', () => {
    const hits = [at(0, { a: ['x\ny', 'tab\t'], b: 1 }), at(2, { a: ['x\ny', 'tab\t'], b: 1 }), at(3, { a: ['x\\ny', 'tab\t'], b: 1 })];
    const r = run({ type: 'any', query_key: ['a', 'b'], realert: { minutes: 10 } }, hits);
    expect(r.alerts.map((a) => a[0]!['a,b'])).toEqual([String.raw`['x\ny', 'tab\t'], 1`, String.raw`['x\\ny', 'tab\t'], 1`]);
    expect(r.silenced).toBe(1);
  });

  // Checked against both ElastAlert lines: the time is written back where it was found, as isoformat().
  it('writes a nested timestamp back as isoformat where it was found, through dotted keys at any level', () => {
    const ts = '2026-01-01T10:00:00Z';
    const iso = '2026-01-01T10:00:00+00:00';
    const matchOf = (doc: Record<string, unknown>) => {
      const { _id, _index, num_hits, num_matches, ...rest } = run({ type: 'any', timestamp_field: 'a.b.c' }, [doc]).matches[0]!;
      return rest;
    };
    expect(matchOf({ 'a.b': { c: ts } })).toEqual({ 'a.b': { c: iso } });
    expect(matchOf({ a: { 'b.c': ts } })).toEqual({ a: { 'b.c': iso } });
    expect(matchOf({ a: { b: { c: ts } }, x: 1 })).toEqual({ a: { b: { c: iso } }, x: 1 });
  });

  // 0.2.4 walks a.b.c through the objects; a key 'a.b' holding something else is left as it is.
  it('on 0.2.4 writes the time back through the objects it was read from, past a dotted key holding no object', () => {
    const ts = '2026-01-01T10:00:00Z';
    for (const other of [null, [1], 's']) {
      const m = run({ type: 'any', timestamp_field: 'a.b.c' }, [{ 'a.b': other, a: { b: { c: ts } } }], { elastalert: '0.2' }).matches[0]!;
      expect([m['a.b'], m.a], JSON.stringify(other)).toEqual([other, { b: { c: '2026-01-01T10:00:00+00:00' } }]);
    }
  });

  it('takes the hits in time order, whatever order they are given in', () => {
    const r = run({ type: 'any' }, [at(5, { n: 3 }), at(0, { n: 1 }), at(3, { n: 2 })]);
    expect(r.matches.map((m) => m.n)).toEqual([1, 2, 3]);
    expect(r.alertTimes).toEqual([T0 + 60_000, T0 + 3 * 60_000, T0 + 5 * 60_000]);
  });

  it('runs once, at the start, when given a start but neither hits nor now', () => {
    expect(run({ type: 'any' }, [], { start: T0 })).toEqual({ matches: [], alerts: [], alertTimes: [], silenced: 0 });
  });

  it('gives hits without _index the rule\'s index, or alertsmith-test when the rule names none or several', () => {
    const indexOf = (index: unknown) => run({ type: 'any', index }, [at(0)]).matches[0]!._index;
    expect([indexOf('logs-*'), indexOf(undefined), indexOf(['a-*', 'b-*'])]).toEqual(['logs-*', 'alertsmith-test', 'alertsmith-test']);
  });

  it('fails on a bad event time with the stable code ALERTSMITH_TEST_EVENT', () => {
    expect(() => run({ type: 'any' }, [{ '@timestamp': 'soon' }])).toThrow(expect.objectContaining({ code: 'ALERTSMITH_TEST_EVENT' }));
  });

  // Checked against both ElastAlert lines: a missing and a null value share the silence of "no
  // value"; the text 'None' has its own.
  it('silences a missing and a null query_key value together, apart from the text None', () => {
    const r = run({ type: 'any', query_key: 'u', realert: { minutes: 10 } }, [at(0), at(1, { u: 'None' }), at(2, { u: null }), at(3, { u: 'None' })]);
    expect(r.alerts.map((a) => a[0]!._id)).toEqual(['event-1', 'event-2']);
    expect(r.silenced).toBe(2);
    const nullFirst = run({ type: 'any', query_key: 'u', realert: { minutes: 10 } }, [at(0, { u: 'None' }), at(1, { u: null }), at(2), at(3, { u: 'None' })]);
    expect(nullFirst.alerts.map((a) => a[0]!._id)).toEqual(['event-1', 'event-2']);
  });

  it('silences other rule types by their query_key value even when the match has a field named key', () => {
    const r = run({ type: 'any', query_key: 'u', realert: { minutes: 10 } }, [at(0, { u: 'a', key: 'x' }), at(1, { u: 'b', key: 'x' }), at(2, { u: 'a', key: 'y' })]);
    expect(r.alerts.map((a) => a[0]!._id)).toEqual(['event-1', 'event-2']);
  });

  // ElastAlert writes a flatline match's key with str(): None becomes 'None', the same silence as the text.
  it('silences a flatline key of None and the text None together', () => {
    const rule = { type: 'flatline', threshold: 1, timeframe: { minutes: 5 }, query_key: 'u', realert: { hours: 1 } };
    const r = run(rule, [at(0), at(0.5, { u: 'None' })], { now: T0 + 8 * 60_000 });
    expect(r.alerts.map((a) => a[0]!.key)).toEqual([null]);
    expect(r.silenced).toBeGreaterThan(0);
  });

  it('keeps a missing query_key value as its own silence key, apart from the others', () => {
    const r = run({ type: 'any', query_key: 'u', realert: { minutes: 10 } }, [at(0), at(1, { u: 'a' }), at(2), at(3, { u: '' })]);
    expect(r.alerts.map((a) => a[0]!.u)).toEqual([undefined, 'a', '']);
  });
});

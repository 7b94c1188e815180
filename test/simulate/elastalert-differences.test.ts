/**
 * Behaviour the differential suite (test/fidelity/elastalert) found in ElastAlert's own rule
 * types, each pinned here: what the real code does, on the smallest case that shows it.
 */
import { describe, expect, it } from 'vitest';
import { at, run, T0 } from './simulation-fixtures.js';

const MIN = 60_000;

describe('class 1: spike with query_key, a key that comes back after going quiet', () => {
  it('keeps the key first-event time when garbage_collect drops its idle windows, so the key may alert as soon as it returns', () => {
    const rule = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, threshold_cur: 1, query_key: 'u' };
    const r = run(rule, [at(0.5, { u: 'a' }), at(40.5, { u: 'a' })]);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ u: 'a', spike_count: 1, reference_count: 0, '@timestamp': '2026-01-01T10:40:30Z' });
  });
});

describe('class 2: new_term learns only the terms_window_size before the start', () => {
  it('does not learn history older than terms_window_size (default 30 days), nor from the start on', () => {
    const rule = { type: 'new_term', fields: ['u'] };
    const day = 24 * 60;
    const history = [at(-31 * day, { u: 'old' }), at(-29 * day, { u: 'recent' })];
    const r = run(rule, [at(0, { u: 'old' }), at(1, { u: 'recent' })], { history });
    expect(r.matches.map((m) => m.u)).toEqual(['old']);
    expect(run({ ...rule, terms_window_size: { days: 1 } }, [at(0, { u: 'recent' })], { history }).matches).toHaveLength(1);
  });
});

describe('class 3: new_term composite fields with an array in history', () => {
  it('learns each combination of the array elements, as the nested terms aggregation answers', () => {
    const rule = { type: 'new_term', fields: [['u', 'h']] };
    const r = run(rule, [at(0, { u: 'alice', h: 'h1' }), at(1, { u: 'alice', h: 'h3' })], { history: [at(-120, { u: 'alice', h: ['h1', 'h2'] })] });
    expect(r.matches.map((m) => m.h)).toEqual(['h3']);
  });
});

describe('class 4: new_term with a list query_key', () => {
  it('learns nothing from history: the joined field name does not exist in the index', () => {
    const rule = { type: 'new_term', query_key: ['u', 'h'] };
    const r = run(rule, [at(0, { u: 'alice', h: 'h1' }), at(1, { u: 'alice', h: 'h1' })], { history: [at(-120, { u: 'alice', h: 'h1' })] });
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ 'u,h': 'alice, h1', new_field: 'u,h' });
  });
});

describe('class 5: blacklist and whitelist on a field holding an array', () => {
  it('fails the case as ElastAlert disables the rule, naming the line and the field', () => {
    const rule = { type: 'blacklist', compare_key: 'event.category', blacklist: ['process'] };
    expect(() => run(rule, [at(0, { event: { category: ['process', 'network'] } })])).toThrow(
      'ElastAlert 2 disables this rule: compare_key event.category holds an array',
    );
    expect(() => run(rule, [at(0, { event: { category: ['process'] } })], { elastalert: '0.2' })).toThrow(/^ElastAlert 0\.2\.4 disables this rule/);
    const white = { type: 'whitelist', compare_key: 'event.category', whitelist: ['process'], ignore_null: true };
    expect(() => run(white, [at(0, { event: { category: ['network'] } })])).toThrow(/disables this rule/);
  });
});

describe('class 6: spike field_value read with Python int()', () => {
  it('counts what int() accepts (1_000, true, padded digits) and skips what it refuses', () => {
    const rule = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, field_value: 'n' };
    const hits = [at(0, { n: 1 }), at(6, { n: 1 }), at(11, { n: '1_000' }), at(11.1, { n: true }), at(11.2, { n: ' 4 ' }), at(11.3, { n: '1.5' })];
    const r = run(rule, hits);
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ n: '1_000', spike_count: 1000, reference_count: 1 });
  });
});

describe('class 7: query_key values true and 1 are one key, as in a Python dict', () => {
  it('counts true and 1 (and false and 0) together in frequency', () => {
    const rule = { type: 'frequency', num_events: 2, timeframe: { minutes: 5 }, query_key: 'k' };
    expect(run(rule, [at(0, { k: true }), at(1, { k: 1 })]).matches).toHaveLength(1);
    expect(run(rule, [at(0, { k: false }), at(1, { k: 0 })]).matches).toHaveLength(1);
    expect(run(rule, [at(0, { k: true }), at(1, { k: 'True' })]).matches).toHaveLength(0);
  });
});

describe('class 8: timestamps with microseconds', () => {
  it('keeps microseconds in the match and in window arithmetic', () => {
    const r = run({ type: 'any' }, [{ '@timestamp': '2026-01-01T10:00:00.123456Z' }]);
    expect(r.matches[0]!['@timestamp']).toBe('2026-01-01T10:00:00.123456Z');
    const rule = { type: 'frequency', num_events: 2, timeframe: { minutes: 1 } };
    // 59.999999 s apart: inside the window only when microseconds count.
    expect(run(rule, [{ '@timestamp': '2026-01-01T10:00:00.000001Z' }, { '@timestamp': '2026-01-01T10:01:00Z' }]).matches).toHaveLength(1);
  });
});

describe('class 9: the lines read a nested spike field_value differently', () => {
  const rule = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, field_value: 'net.bytes' };
  const hits = [at(0, { net: { bytes: 1 } }), at(6, { net: { bytes: 1 } }), at(11, { net: { bytes: 9 } })];
  it('ElastAlert 0.2.4 looks the field up (lookup_es_key) and alerts', () => {
    expect(run(rule, hits, { elastalert: '0.2' }).matches).toHaveLength(1);
  });
  it('ElastAlert 2 only sees a top-level key (field_value in event), so never counts it', () => {
    expect(run(rule, hits, { elastalert: '2' }).matches).toHaveLength(0);
    expect(run(rule, hits.map((h, i) => ({ '@timestamp': h['@timestamp'], 'net.bytes': [1, 1, 9][i] })), { elastalert: '2' }).matches).toHaveLength(1);
  });
});

describe('found by the differential suite', () => {
  it('sends an aggregation after the first run past its due time; 0.2.4 lets a match in by its own timestamp, ElastAlert 2 by the clock', () => {
    const rule = { type: 'any', aggregation: { seconds: 90 } };
    const hits = [at(1 / 6), at(2.5)];
    const more = { now: T0 + (3 + 1 / 6) * MIN };
    const two = run(rule, hits, { ...more, elastalert: '2' });
    expect(two.alerts.map((a) => a.map((m) => m._id))).toEqual([['event-1'], ['event-2']]);
    expect(two.alertTimes).toEqual([T0 + (3 + 1 / 6) * MIN, null]);
    const old = run(rule, hits, { ...more, elastalert: '0.2' });
    expect(old.alerts.map((a) => a.map((m) => m._id))).toEqual([['event-1', 'event-2']]);
    expect(old.alertTimes).toEqual([T0 + (3 + 1 / 6) * MIN]);
  });

  it('puts the threshold in a flatline match on ElastAlert 2 only', () => {
    const rule = { type: 'flatline', threshold: 1, timeframe: { minutes: 5 } };
    const more = { now: T0 + 5 * MIN };
    expect(run(rule, [at(0)], { ...more, elastalert: '2' }).matches[0]).toMatchObject({ key: 'all', count: 0, threshold: 1 });
    expect(run(rule, [at(0)], { ...more, elastalert: '0.2' }).matches[0]).not.toHaveProperty('threshold');
  });

  it('keeps the placeholder flag on a spike match made of a placeholder', () => {
    const rule = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, query_key: 'u' };
    const r = run(rule, [at(0.5, { u: 'a' })], { now: T0 + 11 * MIN });
    expect(r.matches[0]).toEqual({ '@timestamp': '2026-01-01T10:10:30Z', placeholder: true, u: 'a', spike_count: 0, reference_count: 0, num_hits: 1, num_matches: 1 });
  });
});

describe('found by the differential suite: the lines look fields up differently', () => {
  const rule = { type: 'frequency', num_events: 2, timeframe: { minutes: 5 }, query_key: 'user.name' };
  const hits = [at(0, { user: [{ name: 'a' }] }), at(1, { user: [{ name: 'b' }] })];
  it('0.2.4 finds nothing under an array of objects, so both hits share the None key', () => {
    expect(run(rule, hits, { elastalert: '0.2' }).matches).toHaveLength(1);
  });
  it('ElastAlert 2 stops at the array and keys by its text, so the hits differ', () => {
    expect(run(rule, hits, { elastalert: '2' }).matches).toHaveLength(0);
    expect(run(rule, [hits[0]!, at(1, { user: [{ name: 'a' }] })], { elastalert: '2' }).matches).toHaveLength(1);
  });
});

describe('found by the differential suite: flatline names the key as the last hit wrote it', () => {
  it('gives key true when the last hit of a run says true, though the key was first seen as 1', () => {
    const rule = { type: 'flatline', threshold: 3, timeframe: { minutes: 2 }, query_key: 'k' };
    const r = run(rule, [at(0, { k: 1 }), at(2.5, { k: true })], { now: T0 + 3 * MIN });
    expect(r.matches.map((m) => [m['@timestamp'], m.key])).toEqual([
      ['2026-01-01T10:02:00Z', 1],
      ['2026-01-01T10:02:30Z', true],
      ['2026-01-01T10:03:00Z', 1],
    ]);
  });
});

describe('found by the differential suite: two aggregations can be open at once', () => {
  it('0.2.4 opens a new aggregation for a match timestamped past the due time, and sends the old one only once the clock passes it', () => {
    const rule = { type: 'any', aggregation: { minutes: 3 } };
    const hits = [at(0.5), { '@timestamp': '2026-01-01T10:04:30.000500Z' }];
    const more = { now: T0 + 5.5 * MIN };
    const old = run(rule, hits, { ...more, elastalert: '0.2' });
    expect(old.alerts.map((a) => a.map((m) => m._id))).toEqual([['event-1'], ['event-2']]);
    expect(old.alertTimes).toEqual([T0 + 5.5 * MIN, null]);
    const two = run(rule, hits, { ...more, elastalert: '2' });
    expect(two.alerts.map((a) => a.map((m) => m._id))).toEqual([['event-1', 'event-2']]);
  });
});

describe('found by the differential suite: a nested timestamp_field', () => {
  const nested = (minute: number) => ({ event: { created: at(minute)['@timestamp'] } });
  it('pipes a nested timestamp as isoformat(), since dt_to_ts only converts a top-level one', () => {
    const r = run({ type: 'any', timestamp_field: 'event.created' }, [nested(0)]);
    expect(r.matches[0]!.event).toEqual({ created: '2026-01-01T10:00:00+00:00' });
  });
  it('makes ElastAlert disable spike, and change with a timeframe, which read event[timestamp_field]', () => {
    const spike = { type: 'spike', spike_height: 2, spike_type: 'up', timeframe: { minutes: 5 }, timestamp_field: 'event.created' };
    expect(() => run(spike, [nested(0)])).toThrow(/^ElastAlert 2 disables this rule: spike reads timestamp_field event.created as a top-level key/);
    const change = { type: 'change', compare_key: 'u', query_key: 'h', ignore_null: true, timeframe: { minutes: 5 }, timestamp_field: 'event.created' };
    expect(() => run(change, [{ ...nested(0), u: 'a', h: 'x' }])).toThrow(/change with a timeframe reads timestamp_field/);
    expect(run({ ...change, timeframe: undefined }, [{ ...nested(0), u: 'a', h: 'x' }]).matches).toEqual([]);
  });
});

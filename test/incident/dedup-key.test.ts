import { describe, expect, it } from 'vitest';
import { alertDedupKey, canonicalJson, matchDedupKey } from '../../src/incident/dedup-key.js';

describe('matchDedupKey', () => {
  it('is 32 hex characters, safe as a file name', () => {
    expect(matchDedupKey('r', { _id: 'a/../b', _index: 'x' })).toMatch(/^[0-9a-f]{32}$/);
  });

  it('depends on rule, _index and _id only when the match has an _id', () => {
    const a = matchDedupKey('r', { _id: '1', _index: 'logs', message: 'one', num_hits: 3 });
    expect(matchDedupKey('r', { _id: '1', _index: 'logs', message: 'changed', num_hits: 9 })).toBe(a);
    expect(matchDedupKey('other', { _id: '1', _index: 'logs' })).not.toBe(a);
    expect(matchDedupKey('r', { _id: '1', _index: 'logs-2' })).not.toBe(a);
    expect(matchDedupKey('r', { _id: '2', _index: 'logs' })).not.toBe(a);
  });

  it('hashes the canonical match when there is no _id, ignoring key order and run counters', () => {
    const a = matchDedupKey('r', { '@timestamp': 't', host: { name: 'h', ip: '1' }, num_hits: 1, num_matches: 1 });
    expect(matchDedupKey('r', { host: { ip: '1', name: 'h' }, '@timestamp': 't', num_hits: 7 })).toBe(a);
    expect(matchDedupKey('r', { host: { ip: '2', name: 'h' }, '@timestamp': 't' })).not.toBe(a);
  });

  it('keeps parts apart so that shifting text between fields changes the key', () => {
    expect(matchDedupKey('r', { _index: 'ab', _id: 'c' })).not.toBe(matchDedupKey('r', { _index: 'a', _id: 'bc' }));
  });
});

describe('alertDedupKey', () => {
  it('depends on every match of the alert', () => {
    const one = alertDedupKey('r', [{ _id: '1' }, { _id: '2' }]);
    expect(alertDedupKey('r', [{ _id: '1' }, { _id: '2' }])).toBe(one);
    expect(alertDedupKey('r', [{ _id: '1' }])).not.toBe(one);
    expect(alertDedupKey('r', [{ _id: '1' }])).not.toBe(matchDedupKey('r', { _id: '1' }));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes non-finite numbers as Python does', () => {
    expect(canonicalJson({ b: [{ d: 1, c: Number.NaN }], a: Number.NEGATIVE_INFINITY })).toBe('{"a":-Infinity,"b":[{"c":NaN,"d":1}]}');
  });
});

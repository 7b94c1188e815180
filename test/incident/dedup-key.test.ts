import { createHash } from 'node:crypto';
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

describe('the key derivation', () => {
  // Keys are stored in the ledger and as XSOAR labels: a changed derivation would create every
  // pending or retried incident a second time after an upgrade. This is the derivation, spelled out.
  const sha = (parts: string[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
  it('is the first 32 hex characters of sha256 over the JSON of its kind, rule and parts', () => {
    const doc = sha(['doc', 'r', 'i', 'x']);
    expect(matchDedupKey('r', { _index: 'i', _id: 'x', num_hits: 3 })).toBe(doc);
    expect(matchDedupKey('r', { a: 1, num_hits: 5, num_matches: 2 })).toBe(sha(['content', 'r', '{"a":1}']));
    // A null _id is no document id: the content decides.
    expect(matchDedupKey('r', { _id: null, a: 1 })).toBe(sha(['content', 'r', '{"_id":null,"a":1}']));
    expect(alertDedupKey('r', [{ _index: 'i', _id: 'x' }, { a: 1 }])).toBe(sha(['alert', 'r', doc, sha(['content', 'r', '{"a":1}'])]));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes non-finite numbers as Python does', () => {
    expect(canonicalJson({ b: [{ d: 1, c: Number.NaN }], a: Number.NEGATIVE_INFINITY })).toBe('{"a":-Infinity,"b":[{"c":NaN,"d":1}]}');
    expect([canonicalJson(Infinity), canonicalJson(-Infinity), canonicalJson(Number.NaN)]).toEqual(['Infinity', '-Infinity', 'NaN']);
  });

  it('separates list items with commas, leaves out undefined keys, and writes a lone undefined as null', () => {
    expect(canonicalJson([1, 'a', null])).toBe('[1,"a",null]');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

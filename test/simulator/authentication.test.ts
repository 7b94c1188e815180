import { describe, expect, it } from 'vitest';
import { advancedKeyHeaders, authenticate } from '../../src/simulator/authentication.js';

const expected = { apiKey: 'secret-key', apiKeyId: '7' };
const nonce = 'a'.repeat(32) + 'B1'.repeat(16);

describe('authenticate', () => {
  it('accepts an XSOAR 6 standard key given as the bare Authorization header', () => {
    expect(authenticate({ authorization: 'secret-key' }, 'xsoar6', expected)).toBe('standard');
  });

  it('refuses a wrong key and a Bearer-prefixed key', () => {
    expect(authenticate({ authorization: 'other' }, 'xsoar6', expected)).toBeUndefined();
    expect(authenticate({ authorization: 'Bearer secret-key' }, 'xsoar6', expected)).toBeUndefined();
    expect(authenticate({}, 'xsoar6', expected)).toBeUndefined();
  });

  it('requires the key id on XSOAR 8 standard keys', () => {
    expect(authenticate({ authorization: 'secret-key' }, 'xsoar8', expected)).toBeUndefined();
    expect(authenticate({ authorization: 'secret-key', 'x-xdr-auth-id': '8' }, 'xsoar8', expected)).toBeUndefined();
    expect(authenticate({ authorization: 'secret-key', 'x-xdr-auth-id': '7' }, 'xsoar8', expected)).toBe('standard');
  });

  it('accepts an advanced key whose hash covers key, nonce and timestamp', () => {
    const headers = advancedKeyHeaders('secret-key', '7', nonce, 1_764_237_600_000);
    expect(authenticate(headers, 'xsoar8', expected)).toBe('advanced');
    expect(authenticate(headers, 'xsoar6', expected)).toBe('advanced');
  });

  it('refuses an advanced key with a tampered timestamp, a wrong id or a short nonce', () => {
    const headers = advancedKeyHeaders('secret-key', '7', nonce, 1_764_237_600_000);
    expect(authenticate({ ...headers, 'x-xdr-timestamp': '1764237601000' }, 'xsoar8', expected)).toBeUndefined();
    expect(authenticate({ ...headers, 'x-xdr-auth-id': '8' }, 'xsoar8', expected)).toBeUndefined();
    const short = advancedKeyHeaders('secret-key', '7', 'abc', 1_764_237_600_000);
    expect(authenticate(short, 'xsoar8', expected)).toBeUndefined();
  });

  it('refuses an advanced key hashed with another key', () => {
    const headers = advancedKeyHeaders('wrong-key', '7', nonce, 1_764_237_600_000);
    expect(authenticate(headers, 'xsoar8', expected)).toBeUndefined();
  });
});

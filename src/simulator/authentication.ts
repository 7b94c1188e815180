import { createHash, timingSafeEqual } from 'node:crypto';
import type { StoredIncident } from './contract.js';

export type Flavour = StoredIncident['flavour'];
export type AuthScheme = StoredIncident['auth'];

export interface ExpectedKey {
  apiKey: string;
  apiKeyId: string;
}

/** Header names are lower case, as node:http delivers them. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * Which key scheme a request authenticates with, or `undefined` when the key is refused.
 *
 * - Advanced (any path family; recognised by `x-xdr-nonce`): `x-xdr-auth-id` is the key id,
 *   the nonce is 64 characters of [A-Za-z0-9], the timestamp is digits (unix ms), and
 *   `Authorization` is hex(sha256(key + nonce + timestamp)).
 * - Standard on XSOAR 6 paths: `Authorization: <key>` (an `x-xdr-auth-id`, if sent, must match).
 * - Standard on XSOAR 8 paths: `Authorization: <key>` plus `x-xdr-auth-id: <key id>`.
 */
export function authenticate(headers: RequestHeaders, flavour: Flavour, expected: ExpectedKey): AuthScheme | undefined {
  const authorization = single(headers.authorization);
  const keyId = single(headers['x-xdr-auth-id']);
  const nonce = single(headers['x-xdr-nonce']);
  if (authorization === undefined) return undefined;

  if (nonce !== undefined) {
    const timestamp = single(headers['x-xdr-timestamp']);
    if (keyId !== expected.apiKeyId || timestamp === undefined) return undefined;
    if (!/^[A-Za-z0-9]{64}$/.test(nonce) || !/^\d+$/.test(timestamp)) return undefined;
    const digest = createHash('sha256').update(expected.apiKey + nonce + timestamp).digest('hex');
    return sameText(authorization.toLowerCase(), digest) ? 'advanced' : undefined;
  }

  if (!sameText(authorization, expected.apiKey)) return undefined;
  if (flavour === 'xsoar8' && keyId === undefined) return undefined;
  if (keyId !== undefined && keyId !== expected.apiKeyId) return undefined;
  return 'standard';
}

/** The advanced-key headers a client computes; used by tests and the demo to call the simulator. */
export function advancedKeyHeaders(apiKey: string, apiKeyId: string, nonce: string, timestampMs: number): Record<string, string> {
  const timestamp = String(timestampMs);
  return {
    'x-xdr-auth-id': apiKeyId,
    'x-xdr-nonce': nonce,
    'x-xdr-timestamp': timestamp,
    authorization: createHash('sha256').update(apiKey + nonce + timestamp).digest('hex'),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

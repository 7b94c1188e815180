import { isRecord } from './field-lookup.js';
import { sha256Hex } from './sha256.js';
import { valueToText } from './template.js';

/**
 * De-duplication keys: one per incident, stable across ElastAlert's retries of the same alert
 * and across `replay`, so that the ledger (and XSOAR itself, through a label) can tell that an
 * incident was already created. A key is 32 hex characters: safe as a file name and as a
 * quoted search term.
 *
 * - A match with `_id`: hash of rule id, `_index`, `_id` (the same document is the same incident).
 * - A match without `_id` (metric_aggregation, percentage_match, cardinality): hash of rule id and
 *   the canonical match, i.e. JSON with keys sorted at every depth and without `num_hits` and
 *   `num_matches`, which are run counters rather than event data.
 * - One incident per alert: hash of rule id and the keys of all its matches, in order.
 */
export const DEDUP_KEY_LABEL = 'alertsmith.dedup_key';
/** Label type recording the detection id on every incident. */
export const RULE_LABEL = 'alertsmith.rule';

const COUNTERS = new Set(['num_hits', 'num_matches']);

export function matchDedupKey(rule: string, match: unknown): string {
  if (isRecord(match) && match._id !== undefined && match._id !== null) {
    return digest(['doc', rule, valueToText(match._index), valueToText(match._id)]);
  }
  const withoutCounters = isRecord(match)
    ? Object.fromEntries(Object.entries(match).filter(([k]) => !COUNTERS.has(k)))
    : match;
  return digest(['content', rule, canonicalJson(withoutCounters)]);
}

export function alertDedupKey(rule: string, matches: readonly unknown[]): string {
  return digest(['alert', rule, ...matches.map((m) => matchDedupKey(rule, m))]);
}

/** JSON with object keys sorted at every depth; non-finite numbers as Python writes them. */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function digest(parts: string[]): string {
  // JSON keeps the parts apart: ["a","bc"] and ["ab","c"] never hash alike.
  return sha256Hex(JSON.stringify(parts)).slice(0, 32);
}

import type { ElastAlertLine } from '../define/schema/config.js';
import { createRuleType } from './create-rule-type.js';
import { lookupEsKey } from './es-key-lookup.js';
import { hitFields } from './hit-fields.js';
import { dtToTs, parseEventTime, pythonIsoFormat, timeAt, type EventTime } from './elastalert-time.js';
import { pyStr } from './python-values.js';
import { durationMs, type RuleOptions } from './rule-type.js';
import type { SimEvent } from './sim-event.js';
import { SimulationError } from './simulation-error.js';
import { DEFAULT_ELASTALERT_LINE } from '../define/platform-defaults.js';

/** One match as ElastAlert pipes it to the command (`pipe_match_json`). */
export type Match = Record<string, unknown>;

export interface SimulationInput {
  /** The validated definition (defaults applied): its rule type options, `query_key`, `realert`, `aggregation`, `timestamp_field`. */
  rule: RuleOptions;
  /** The documents the rule's filter returns, in any order. */
  hits: Record<string, unknown>[];
  /** Documents already in the index when the rule starts (new_term learns its known terms from them). @default [] */
  history?: Record<string, unknown>[];
  /** When the first run starts, epoch ms. @default the earliest hit */
  start?: number;
  /** When the last run ends: the fixed clock, epoch ms. @default the latest hit */
  now?: number;
  /** ElastAlert's `run_every`. @default 60000 (one minute) */
  runEvery?: number;
  /** The ElastAlert line whose behaviour to follow where the lines differ. @default '2' */
  elastalert?: ElastAlertLine;
  /** `_index` for hits without one. @default the rule's index, else 'alertsmith-test' */
  index?: string;
}

export interface SimulationResult {
  /** Every match the rule type produced, before realert. */
  matches: Match[];
  /** The alerts ElastAlert would send: each the list of matches piped to one command run. */
  alerts: Match[][];
  /** When each alert is sent (epoch ms, a run's end), or null for an aggregation still open at `now`. */
  alertTimes: (number | null)[];
  /** Matches dropped by realert. */
  silenced: number;
}

/**
 * Runs a rule over hits the way ElastAlert would, one run per `run_every` from `start` to `now`:
 * each run hands its new hits to the rule type (`add_data`), then calls `garbage_collect` with the
 * run's end, then stamps `num_hits` (hits within `buffer_time`, default 45 minutes) and
 * `num_matches`, applies realert (per `query_key` value, with the run's end as ElastAlert's clock)
 * and aggregation (a match joins the open aggregation while its alert time has not passed; the
 * aggregation is sent by the pending-alert job after the first run past its alert time).
 * Deterministic: no wall clock.
 */
export function simulateRule(input: SimulationInput): SimulationResult {
  const rule = withCompoundKey(input.rule);
  const tsField = rule.timestamp_field;
  const index = input.index ?? (typeof rule.index === 'string' ? rule.index : 'alertsmith-test');
  const line = input.elastalert ?? DEFAULT_ELASTALERT_LINE;
  const hits = input.hits.map((doc, i) => toSimEvent(doc, i, rule, index, line));
  // History is read as the index holds it: without the joined compound-key field ElastAlert adds to hits.
  const history = (input.history ?? []).map((doc, i) => toSimEvent(doc, i, { ...rule, compound_query_key: undefined }, index, line));
  hits.sort((a, b) => a.time.ms - b.time.ms);
  const result: SimulationResult = { matches: [], alerts: [], alertTimes: [], silenced: 0 };
  if (hits.length === 0 && input.start === undefined) return result;

  const runEvery = input.runEvery ?? 60_000;
  const start = input.start ?? hits[0]!.time.ms;
  const type = createRuleType(rule, history, line, timeAt(start));
  const now = input.now ?? hits[hits.length - 1]?.time.ms ?? start;
  const realert = durationMs(rule.realert);
  const aggregation = durationMs(rule.aggregation);
  const bufferTime = rule.buffer_time === undefined ? DEFAULT_BUFFER_TIME : durationMs(rule.buffer_time);
  const silencedUntil = new Map<string, number>();
  // Open aggregations, oldest first; matches join the newest. Each is sent on its own time.
  const pending: { sendAt: number; matches: Match[] }[] = [];

  const send = (matches: Match[], at: number | null): void => {
    result.alerts.push(matches);
    result.alertTimes.push(at);
  };
  let next = 0;
  for (const end of runEnds(start, now, runEvery)) {
    const batch: SimEvent[] = [];
    while (next < hits.length && hits[next]!.time.ms <= end) batch.push(hits[next++]!);
    type.addData(batch);
    type.garbageCollect(timeAt(end));
    const produced = type.matches.splice(0);
    for (const m of produced) {
      const match = m.doc;
      if (Object.hasOwn(match, tsField)) match[tsField] = dtToTs(m.time);
      match.num_hits = hitsWithin(hits, end - bufferTime, end);
      match.num_matches = produced.length;
      result.matches.push(match);
      const silenceKey = silenceKeyOf(rule, match, line);
      if ((silencedUntil.get(silenceKey) ?? -Infinity) > end) {
        result.silenced++;
        continue;
      }
      // With realert 0 the silence ends at this run's end: nothing later is silenced.
      silencedUntil.set(silenceKey, end + realert);
      if (aggregation === 0) {
        send([match], end);
        continue;
      }
      // A match joins the open aggregation unless its alert time has passed: ElastAlert 2 asks
      // the clock, 0.2.4 the match's own timestamp.
      const comparedUs = line === '0.2' ? m.time.us : end * 1000;
      const open = pending[pending.length - 1];
      if (open && open.sendAt * 1000 >= comparedUs) open.matches.push(match);
      else pending.push({ sendAt: end + aggregation, matches: [match] });
    }
    // The pending-alert job after the run: an aggregation is sent once the clock has passed its alert time.
    while (pending.length > 0 && end > pending[0]!.sendAt) send(pending.shift()!.matches, end);
  }
  // Aggregations still open at `now` are sent when they close: count them.
  for (const open of pending) send(open.matches, null);
  return result;
}

/** The ends of ElastAlert's runs, one per `runEvery` after `start`, the last one at `now`. */
export function runEnds(start: number, now: number, runEvery: number): number[] {
  const ends: number[] = [];
  let end = Math.min(start + runEvery, Math.max(now, start));
  for (;;) {
    ends.push(end);
    if (end >= now) return ends;
    end = Math.min(end + runEvery, now);
  }
}

/**
 * ElastAlert's silence key: the `query_key` value as text (any value but None, so `''` too);
 * flatline matches carry it as `key` instead, since their event may be only a timestamp, and
 * ElastAlert writes that one with `str()` even when it is None (`'None'`, as the text `'None'` is).
 */
function silenceKeyOf(rule: RuleOptions, match: Match, line: ElastAlertLine): string {
  if (rule.query_key === undefined) return '';
  if (rule.type === 'flatline' && Object.hasOwn(match, 'key')) return `.${pyStr(match.key)}`;
  const value = lookupEsKey(match, rule.query_key as string, line);
  return value === undefined || value === null ? '' : `.${pyStr(value)}`;
}

/** ElastAlert's example config sets buffer_time to 45 minutes; a rule's own buffer_time wins. */
const DEFAULT_BUFFER_TIME = 45 * 60_000;

/**
 * ElastAlert queries the whole `buffer_time` before each run's end and drops hits it has seen
 * (the rule type only gets new ones), but `num_hits` counts every hit the query returned.
 */
function hitsWithin(hits: SimEvent[], after: number, upTo: number): number {
  let n = 0;
  for (const h of hits) if (h.time.ms > after && h.time.ms <= upTo) n++;
  return n;
}

/**
 * ElastAlert joins a compound `query_key` into one field named `a,b` holding `str(a), str(b)`,
 * added to every hit; the rule then keys by that field.
 */
function withCompoundKey(rule: RuleOptions): RuleOptions {
  if (!Array.isArray(rule.query_key)) return rule;
  return { ...rule, query_key: (rule.query_key as string[]).join(','), compound_query_key: rule.query_key };
}

function toSimEvent(source: Record<string, unknown>, i: number, rule: RuleOptions, index: string, line: ElastAlertLine): SimEvent {
  const tsField = rule.timestamp_field;
  const raw = lookupEsKey(source, tsField, line);
  const time: EventTime | undefined = parseEventTime(raw);
  if (time === undefined) {
    throw new SimulationError(
      'ALERTSMITH_TEST_EVENT',
      `event ${i + 1} ${raw === undefined ? `has no ${tsField}` : `has ${tsField} ${JSON.stringify(raw)}, not an ISO 8601 time`}: every event needs one, e.g. '${tsField}': '2026-01-01T10:00:00Z'`,
    );
  }
  // A shallow copy is enough: rule types deep-copy a hit when they make a match of it.
  const fields = hitFields(source);
  // ElastAlert turns the timestamp into a datetime where it found it; a match converts it back
  // (`dt_to_ts`) only as a top-level key, so a nested one is piped as `isoformat()`.
  const doc = Object.hasOwn(fields, tsField) ? fields : withNestedValue(fields, tsField, pythonIsoFormat(time));
  // A new object either way: `_id` and `_index` go last.
  doc._id = source._id ?? `event-${i + 1}`;
  doc._index = source._index ?? index;
  const compound = rule.compound_query_key as string[] | undefined;
  if (compound) doc[rule.query_key as string] = compound.map((k) => pyStr(lookupEsKey(source, k, line))).join(', ');
  return { doc, time };
}

/** A copy of `doc` with the value at a nested dotted path (greedy, as `lookup_es_key` walks) replaced. */
function withNestedValue(doc: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const head = parts.slice(0, i).join('.');
    const child = doc[head];
    if (Object.hasOwn(doc, head) && child !== null && typeof child === 'object' && !Array.isArray(child)) {
      const rest = parts.slice(i).join('.');
      const inner = child as Record<string, unknown>;
      return { ...doc, [head]: Object.hasOwn(inner, rest) ? { ...inner, [rest]: value } : withNestedValue(inner, rest, value) };
    }
  }
  return doc;
}

import type { ElastAlertLine } from '../define/schema/config.js';
import { durationMillis, type DurationMapping } from '../duration.js';
import { copyDocument } from './copy-document.js';
import { lookupEsKey } from './es-key-lookup.js';
import type { EventTime } from './elastalert-time.js';
import type { RuleMatch, SimEvent } from './sim-event.js';
import { DEFAULT_ELASTALERT_LINE } from '../define/platform-defaults.js';

/** The rule options a simulation reads, as ElastAlert spells them. */
export type RuleOptions = Record<string, unknown> & { type: string; timestamp_field: string };

/**
 * The part of ElastAlert's `RuleType` every simulated type shares: `add_data` with a run's hits
 * in time order, `garbage_collect` at the end of each run, and the matches added meanwhile.
 */
export abstract class SimulatedRuleType {
  readonly matches: RuleMatch[] = [];

  constructor(
    protected readonly rule: RuleOptions,
    /** The ElastAlert line whose behaviour to follow where the lines differ. */
    protected readonly line: ElastAlertLine = DEFAULT_ELASTALERT_LINE,
  ) {}

  /** A field as this line's `lookup_es_key` reads it. */
  protected lookup(doc: unknown, path: string): unknown {
    return lookupEsKey(doc, path, this.line);
  }

  abstract addData(events: SimEvent[]): void;

  garbageCollect(_end: EventTime): void {}

  protected addMatch(event: { doc: Record<string, unknown>; time: EventTime }, extra: Record<string, unknown> = {}): void {
    this.matches.push({ doc: { ...copyDocument(event.doc), ...extra }, time: event.time });
  }

  protected get tsField(): string {
    return this.rule.timestamp_field;
  }

  /** A placeholder event: only the timestamp (and the query key, when given). */
  protected placeholder(time: EventTime, extra: Record<string, unknown> = {}): SimEvent {
    return { doc: { [this.tsField]: time, ...extra }, time, placeholder: true };
  }
}

/** A rule's duration option in microseconds (0 when absent): rule types compare Python datetimes. */
export function durationUs(d: unknown): number {
  return durationMs(d) * 1000;
}

/** A rule's duration option in milliseconds (0 when absent). */
export function durationMs(d: unknown): number {
  return durationMillis(d as DurationMapping | undefined);
}

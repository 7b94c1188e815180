import type { DurationMapping } from '../define/schema/duration.js';
import type { EventTime } from './elastalert-time.js';
import type { RuleMatch, SimEvent } from './sim-event.js';

/** The rule options a simulation reads, as ElastAlert spells them. */
export type RuleOptions = Record<string, unknown> & { type: string; timestamp_field: string };

/**
 * The part of ElastAlert's `RuleType` every simulated type shares: `add_data` with a run's hits
 * in time order, `garbage_collect` at the end of each run, and the matches added meanwhile.
 */
export abstract class SimulatedRuleType {
  readonly matches: RuleMatch[] = [];

  constructor(protected readonly rule: RuleOptions) {}

  abstract addData(events: SimEvent[]): void;

  garbageCollect(_end: EventTime): void {}

  protected addMatch(event: { doc: Record<string, unknown>; time: EventTime }, extra: Record<string, unknown> = {}): void {
    this.matches.push({ doc: { ...structuredClone(event.doc), ...extra }, time: event.time });
  }

  protected get tsField(): string {
    return this.rule.timestamp_field;
  }

  /** A placeholder event: only the timestamp (and the query key, when given). */
  protected placeholder(time: EventTime, extra: Record<string, unknown> = {}): SimEvent {
    return { doc: { [this.tsField]: time, ...extra }, time, placeholder: true };
  }
}

const UNIT_MS = { weeks: 604_800_000, days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, milliseconds: 1 };

export function durationMs(d: unknown): number {
  if (d === undefined || d === null) return 0;
  let ms = 0;
  for (const [unit, n] of Object.entries(d as DurationMapping)) ms += (UNIT_MS as Record<string, number>)[unit]! * (n ?? 0);
  return ms;
}

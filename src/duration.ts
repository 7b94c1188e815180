/**
 * Durations as ElastAlert writes them (`{ minutes: 5 }`) and as people type them (`'5m'`,
 * `'1h30m'`, `'2d'`). Zod-free: the compiler's schema, the checker, the simulation and the
 * runtime's `prune --older-than` all read durations here.
 */
/** ElastAlert's duration units, in the order they are emitted. */
export const DURATION_UNITS = ['weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
/** A duration as ElastAlert reads it: a mapping of unit -> number. */
export type DurationMapping = Partial<Record<DurationUnit, number>>;

const SHORT_UNITS: Record<string, DurationUnit> = {
  w: 'weeks',
  d: 'days',
  h: 'hours',
  m: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
};

const DURATION_TEXT = /^(\d+(?:\.\d+)?(?:ms|w|d|h|m|s))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/g;

/** Parses `'5m'`, `'1h30m'`, `'500ms'`; undefined when the text is not a duration. */
export function parseDurationText(text: string): DurationMapping | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!DURATION_TEXT.test(compact)) return undefined;
  const out: DurationMapping = {};
  for (const [, amount, unit] of compact.matchAll(DURATION_PART)) {
    const u = SHORT_UNITS[unit!]!;
    out[u] = (out[u] ?? 0) + Number(amount);
  }
  return out;
}

/** The mapping with units in ElastAlert's order and zero units dropped (all zero: `{minutes: 0}`). */
export function normaliseDuration(d: DurationMapping): DurationMapping {
  const out: DurationMapping = {};
  for (const unit of DURATION_UNITS) if (d[unit]) out[unit] = d[unit];
  return Object.keys(out).length > 0 ? out : { minutes: 0 };
}

const UNIT_MILLISECONDS: Record<DurationUnit, number> = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

/** A duration mapping in milliseconds (a missing duration is 0). */
export function durationMillis(d: DurationMapping | undefined): number {
  let total = 0;
  for (const unit of DURATION_UNITS) total += (d?.[unit] ?? 0) * UNIT_MILLISECONDS[unit];
  return total;
}

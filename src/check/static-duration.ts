import { DURATION_UNITS, parseDurationText, type DurationMapping, type DurationUnit } from '../define/schema/duration.js';
import type { StaticValue } from './static-value.js';

const UNIT_MS: Record<DurationUnit, number> = {
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

/** A duration written as `'5m'` or `{ minutes: 5 }`, in milliseconds; undefined when not readable. */
export function durationMillis(value: StaticValue): number | undefined {
  let mapping: DurationMapping | undefined;
  if (value.kind === 'string') mapping = parseDurationText(value.value);
  else if (value.kind === 'object') {
    mapping = {};
    for (const [unit, p] of value.properties) {
      if (!(DURATION_UNITS as readonly string[]).includes(unit) || p.value.kind !== 'number') return undefined;
      mapping[unit as DurationUnit] = p.value.value;
    }
  }
  if (!mapping) return undefined;
  let total = 0;
  for (const unit of DURATION_UNITS) total += (mapping[unit] ?? 0) * UNIT_MS[unit];
  return total;
}

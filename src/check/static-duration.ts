import { DURATION_UNITS, durationMillis as mappingMillis, parseDurationText, type DurationMapping, type DurationUnit } from '../duration.js';
import type { StaticValue } from './static-value.js';

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
  return mapping && mappingMillis(mapping);
}

import { isRecord } from '../../incident/field-lookup.js';
import { TIMEDELTA_UNITS } from './elastalert-options.js';

/**
 * An ElastAlert duration (`{hours: 1, minutes: 30}`, read by Python's `timedelta(**mapping)`)
 * as a definition's duration text (`'1h30m'`), or why it cannot be one.
 */
export function timedeltaText(value: unknown): { ok: true; text: string } | { ok: false; reason: string } {
  if (!isRecord(value)) return { ok: false, reason: 'is not a mapping of units such as {minutes: 5}' };
  const entries = Object.entries(value);
  if (entries.length === 0) return { ok: true, text: '0m' };
  let text = '';
  for (const [unit, letter] of Object.entries(TIMEDELTA_UNITS)) {
    const amount = value[unit];
    if (amount === undefined) continue;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return { ok: false, reason: `${unit}: ${JSON.stringify(amount)} is not a number` };
    if (amount < 0) return { ok: false, reason: `${unit}: ${amount} is negative` };
    if (!/^\d+(\.\d+)?$/.test(String(amount))) return { ok: false, reason: `${unit}: ${amount} cannot be written as a plain number` };
    if (amount > 0) text += `${amount}${letter}`;
  }
  const unknown = entries.map(([unit]) => unit).filter((unit) => !Object.hasOwn(TIMEDELTA_UNITS, unit));
  if (unknown.length > 0) return { ok: false, reason: `has ${unknown.join(', ')}: a definition's durations take ${Object.keys(TIMEDELTA_UNITS).join(', ')}` };
  return { ok: true, text: text === '' ? '0m' : text };
}

import { QueryError, unsupported } from './query-error.js';

/**
 * Dates as Elasticsearch's default `date` format reads them (`strict_date_optional_time||epoch_millis`),
 * at millisecond resolution, in UTC unless the text has an offset.
 */

const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses a date. Missing components are filled as Elasticsearch does: rounding down, with the
 * start of the period; rounding up (the `gt`/`lte` side of a range), with month 01, day 01,
 * 23:59:59.999 (Elasticsearch's documented "missing date components" rule).
 */
export function parseDateText(text: string, roundUp = false): number | undefined {
  if (/^-?\d+$/.test(text) && text.length !== 4) return Number(text);
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (zone !== undefined && h === undefined) return undefined;
  const fill = (part: string | undefined, down: number, up: number): number =>
    part === undefined ? (roundUp ? up : down) : Number(part);
  const month = fill(mo, 1, 1);
  const day = fill(d, 1, 1);
  const hour = fill(h, 0, 23);
  const minute = fill(mi, 0, 59);
  const second = fill(s, 0, 59);
  const ms = frac === undefined ? (roundUp ? 999 : 0) : Number(frac.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  }
  return t;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A document's date value in epoch milliseconds; an error when Elasticsearch would reject it. */
export function documentDate(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string') {
    const t = parseDateText(value.trim());
    if (t !== undefined) return t;
  }
  throw new QueryError(
    'ALERTSMITH_QUERY_VALUE',
    `event value ${JSON.stringify(value)} of date field "${field}" is not a date Elasticsearch would index (ISO 8601 such as 2026-01-01T10:00:00Z, or epoch milliseconds)`,
  );
}

const MATH_STEP = /([+-])(\d+)([yMwdhHms])|\/([yMwdhHms])/y;

/**
 * A date or date-math expression of a query (`now-15m`, `now/d`, `2026-01-01||+1M/d`), with `now`
 * the test's fixed clock. `roundUp` is the upper side of a range (`lte`, `gt`): rounding goes to
 * the last millisecond of the unit.
 */
export function resolveDateMath(text: string, now: number, roundUp: boolean, field: string): number {
  let base: number | undefined;
  let math: string;
  if (text.startsWith('now')) {
    base = now;
    math = text.slice(3);
  } else {
    const sep = text.indexOf('||');
    const datePart = sep >= 0 ? text.slice(0, sep) : text;
    math = sep >= 0 ? text.slice(sep + 2) : '';
    base = parseDateText(datePart, roundUp && math === '');
  }
  if (base === undefined) {
    throw new QueryError('ALERTSMITH_QUERY_VALUE', `"${text}" is not a date or date math for field "${field}" (e.g. 2026-01-01T10:00:00Z, now-15m, now/d)`);
  }
  let t = base;
  MATH_STEP.lastIndex = 0;
  while (MATH_STEP.lastIndex < math.length) {
    const at = MATH_STEP.lastIndex;
    const step = MATH_STEP.exec(math);
    if (!step || step.index !== at) {
      throw new QueryError('ALERTSMITH_QUERY_VALUE', `date math "${text}" of field "${field}" is not valid: use +N<unit>, -N<unit> or /<unit> with units y M w d h H m s`);
    }
    if (step[4] !== undefined) t = roundDate(t, step[4], roundUp);
    else t = addUnits(t, (step[1] === '-' ? -1 : 1) * Number(step[2]), step[3]!);
  }
  return t;
}

function addUnits(t: number, n: number, unit: string): number {
  const d = new Date(t);
  switch (unit) {
    case 'y':
      d.setUTCFullYear(d.getUTCFullYear() + n);
      return d.getTime();
    case 'M':
      d.setUTCMonth(d.getUTCMonth() + n);
      return d.getTime();
    case 'w':
      return t + n * 7 * 86_400_000;
    case 'd':
      return t + n * 86_400_000;
    case 'h':
    case 'H':
      return t + n * 3_600_000;
    case 'm':
      return t + n * 60_000;
    default:
      return t + n * 1000;
  }
}

function roundDate(t: number, unit: string, roundUp: boolean): number {
  const d = new Date(t);
  let start: number;
  let next: number;
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  switch (unit) {
    case 'y':
      start = Date.UTC(y, 0, 1);
      next = Date.UTC(y + 1, 0, 1);
      break;
    case 'M':
      start = Date.UTC(y, mo, 1);
      next = Date.UTC(y, mo + 1, 1);
      break;
    case 'w': {
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      start = Date.UTC(y, mo, day - sinceMonday);
      next = start + 7 * 86_400_000;
      break;
    }
    case 'd':
      start = Date.UTC(y, mo, day);
      next = start + 86_400_000;
      break;
    case 'h':
    case 'H':
      start = Math.floor(t / 3_600_000) * 3_600_000;
      next = start + 3_600_000;
      break;
    case 'm':
      start = Math.floor(t / 60_000) * 60_000;
      next = start + 60_000;
      break;
    default:
      start = Math.floor(t / 1000) * 1000;
      next = start + 1000;
  }
  return roundUp ? next - 1 : start;
}

/** Only UTC is evaluated: a `time_zone` would shift rounding and dates without an offset. */
export function checkTimeZone(zone: unknown): void {
  if (zone === undefined || zone === 'UTC' || zone === 'Z' || zone === '+00:00' || zone === 'Etc/UTC') return;
  throw unsupported(`time_zone "${String(zone)}"`, 'write dates with an explicit offset instead');
}

import { parseDateText } from '../query/date-values.js';

/** An event time as ElastAlert holds it: a datetime with the offset its text was written in. */
export interface EventTime {
  /** Epoch milliseconds, as Elasticsearch compares dates. */
  ms: number;
  /** Epoch microseconds, as Python's datetime keeps them (rule types compare these). */
  us: number;
  /** Offset from UTC in minutes, as written (`Z` and naive times are UTC: 0). */
  offset: number;
}

const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads an event's timestamp as ElastAlert's `ts_to_dt` does for the default `timestamp_type:
 * iso`: ISO 8601 text, naive times as UTC. Undefined for anything else.
 */
export function parseEventTime(value: unknown): EventTime | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed = parsedTimes.get(value);
  if (parsed === undefined) {
    // A bound on what is remembered: a test run reads each time twice (the case's span, then the
    // rule's hits), and a definition's cases often share their sample events' times.
    if (parsedTimes.size >= PARSED_TIMES_KEPT) parsedTimes.clear();
    parsed = readEventTime(value) ?? null;
    parsedTimes.set(value, parsed);
  }
  return parsed ?? undefined;
}

/** Times already read, frozen (they are shared): 1,000 detections' test runs read 80,000 times, half of them again. */
const parsedTimes = new Map<string, Readonly<EventTime> | null>();
const PARSED_TIMES_KEPT = 50_000;

function readEventTime(value: string): Readonly<EventTime> | undefined {
  const ms = parseDateText(value.trim());
  if (ms === undefined || /^-?\d+$/.test(value.trim())) return undefined;
  // Digits 4 to 6 of the fraction (the only `.` or `,` ISO 8601 text has): microseconds, which
  // Python keeps and Elasticsearch drops.
  const micros = Number((/[.,](\d+)/.exec(value)?.[1] ?? '').padEnd(6, '0').slice(3, 6));
  const zone = ZONE.exec(value.trim())?.[1];
  let offset = 0;
  // `Z` reads as +00:00.
  if (zone !== undefined) {
    const digits = zone.slice(1).replace(':', '');
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return Object.freeze({ ms, us: ms * 1000 + micros, offset });
}

/** A run's end as a time (run ends are whole milliseconds, UTC). */
export function timeAt(ms: number): EventTime {
  return { ms, us: ms * 1000, offset: 0 };
}

/** Python's `datetime.isoformat()` of an aware datetime: microseconds only when non-zero, `+HH:MM`. */
export function pythonIsoFormat(t: EventTime): string {
  const local = new Date(t.ms + t.offset * 60_000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const base = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const micros = local.getUTCMilliseconds() * 1000 + (t.us - t.ms * 1000);
  const sign = t.offset < 0 ? '-' : '+';
  const abs = Math.abs(t.offset);
  return `${base}${micros ? `.${pad(micros, 6)}` : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * ElastAlert's `dt_to_ts`, which `add_match` applies to a match's timestamp: `isoformat()`, then
 * `000+00:00` and `+00:00` written as `Z` (so UTC times read `...:05.123Z` or `...:05Z`).
 */
export function dtToTs(t: EventTime): string {
  return pythonIsoFormat(t).replace('000+00:00', 'Z').replace('+00:00', 'Z');
}

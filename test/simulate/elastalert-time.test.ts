import { describe, expect, it } from 'vitest';
import { dtToTs, parseEventTime, pythonIsoFormat, timeAt } from '../../src/simulate/elastalert-time.js';

const T = Date.parse('2026-01-01T10:00:00Z');

describe('parseEventTime (ts_to_dt)', () => {
  it('keeps microseconds Elasticsearch drops, and the offset as written', () => {
    expect(parseEventTime('2026-01-01T10:00:00.123456Z')).toEqual({ ms: T + 123, us: (T + 123) * 1000 + 456, offset: 0 });
    expect(parseEventTime(' 2026-01-01T15:30:00,5+05:30 ')).toEqual({ ms: T + 500, us: (T + 500) * 1000, offset: 330 });
    expect(parseEventTime('2026-01-01T05:00:00-0500')).toEqual({ ms: T, us: T * 1000, offset: -300 });
    expect(parseEventTime('2026-01-01T10:00:00')).toEqual({ ms: T, us: T * 1000, offset: 0 });
    expect(parseEventTime('2026-01-01T10:00:00.0000019Z')!.us).toBe(T * 1000 + 1);
    // What python3's dateutil makes of them: a short fraction is padded on the right.
    expect(parseEventTime('2026-01-01T10:00:00.1234Z')!.us).toBe((T + 123) * 1000 + 400);
  });

  it('refuses what is not ISO 8601 text: numbers, epoch digits, other text', () => {
    for (const v of [T, '1767261600000', ' 1767261600000 ', 'yesterday', null, undefined]) expect(parseEventTime(v), String(v)).toBeUndefined();
  });
});

describe('isoformat and dt_to_ts', () => {
  it('writes Python isoformat: microseconds only when non-zero, the offset as +HH:MM or -HH:MM', () => {
    expect(pythonIsoFormat({ ms: T + 1, us: (T + 1) * 1000 + 2, offset: -330 })).toBe('2026-01-01T04:30:00.001002-05:30');
    expect(pythonIsoFormat({ ms: T, us: T * 1000, offset: 75 })).toBe('2026-01-01T11:15:00+01:15');
    expect(pythonIsoFormat(timeAt(Date.parse('0999-03-04T05:06:07Z')))).toBe('0999-03-04T05:06:07+00:00');
  });

  it('writes UTC as Z, dropping three trailing zeros of whole milliseconds', () => {
    expect(dtToTs(timeAt(T + 120))).toBe('2026-01-01T10:00:00.120Z');
    expect(dtToTs({ ms: T, us: T * 1000 + 5, offset: 0 })).toBe('2026-01-01T10:00:00.000005+00:00'.replace('+00:00', 'Z'));
    expect(dtToTs(timeAt(T))).toBe('2026-01-01T10:00:00Z');
    expect(dtToTs({ ms: T, us: T * 1000, offset: 60 })).toBe('2026-01-01T11:00:00+01:00');
  });
});

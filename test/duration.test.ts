import { describe, expect, it } from 'vitest';
import { durationMillis, parseDurationText } from '../src/duration.js';

describe('parseDurationText', () => {
  it.each([
    ['5m', { minutes: 5 }],
    ['1h30m', { hours: 1, minutes: 30 }],
    ['2d', { days: 2 }],
    ['500ms', { milliseconds: 500 }],
    ['1w 2d', { weeks: 1, days: 2 }],
    ['1.5h', { hours: 1.5 }],
  ])('reads %s', (text, expected) => expect(parseDurationText(text)).toEqual(expected));

  it.each(['', '5', 'm5', '5 minutes', '-5m'])('refuses %j', (text) => expect(parseDurationText(text)).toBeUndefined());
});

describe('durationMillis', () => {
  it('adds up every unit, and reads a missing duration as 0', () => {
    expect(durationMillis({ weeks: 1, days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 })).toBe(694_861_001);
    expect(durationMillis(parseDurationText('1h30m'))).toBe(5_400_000);
    expect(durationMillis(undefined)).toBe(0);
  });
});

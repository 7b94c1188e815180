import { describe, expect, it } from 'vitest';
import { durationSchema } from '../../../src/define/schema/duration.js';

describe('durationSchema', () => {
  it.each([
    ['5m', { minutes: 5 }],
    ['0m', { minutes: 0 }],
    [{ hours: 1, minutes: 0 }, { hours: 1 }],
    [{ minutes: 0 }, { minutes: 0 }],
  ])('reads %j as the mapping %j', (input, expected) => expect(durationSchema.parse(input)).toEqual(expected));

  // An empty mapping is no duration at all: read as zero it would make realert 0, an incident per match.
  it.each([{}, { minutes: undefined }])('refuses the mapping %j, which names no unit', (input) => {
    const result = durationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at least one unit/);
  });

  it.each([
    ['5 minutes', "write '5m'"],
    ['30 minutes', "write '30m'"],
    ['-5m', "write e.g. '5m'"],
    ['', "write e.g. '5m'"],
  ])('refuses the text %j and says how to write it (%s)', (input, fix) => {
    const result = durationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(`is not a duration: ${fix}`);
  });
});

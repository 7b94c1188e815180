import { z } from 'zod';
import { normaliseDuration, parseDurationText } from '../../duration.js';

const durationMappingSchema = z
  .strictObject({
    weeks: z.number().nonnegative().finite().optional(),
    days: z.number().nonnegative().finite().optional(),
    hours: z.number().nonnegative().finite().optional(),
    minutes: z.number().nonnegative().finite().optional(),
    seconds: z.number().nonnegative().finite().optional(),
    milliseconds: z.number().nonnegative().finite().optional(),
  })
  // A unit set to undefined names nothing either: `{ minutes: undefined }` must not pass as zero.
  .refine((d) => Object.values(d).some((n) => n !== undefined), 'a duration needs at least one unit, e.g. { minutes: 5 }');

/**
 * A duration: ElastAlert's mapping (`{ minutes: 5 }`) or short text (`'5m'`, `'1h30m'`, `'2d'`,
 * `'500ms'`). Always emitted in the mapping form, since ElastAlert rejects `5m`.
 */
export const durationSchema = z
  .union([durationMappingSchema, z.string()], {
    error: "a duration is text such as '5m', '1h30m', '2d', '500ms', or a mapping of weeks, days, hours, minutes, seconds, milliseconds such as { minutes: 5 }",
  })
  .transform((value, ctx) => {
    if (typeof value !== 'string') return normaliseDuration(value);
    const parsed = parseDurationText(value);
    if (parsed) return normaliseDuration(parsed);
    const meant = shortDurationText(value);
    ctx.addIssue({
      code: 'custom',
      message: meant
        ? `"${value}" is not a duration: write '${meant}' (durations are written '5m', '1h30m', '2d', '500ms' or { minutes: 5 })`
        : `"${value}" is not a duration: write e.g. '5m', '1h30m', '2d', '500ms' or { minutes: 5 }`,
    });
    return z.NEVER;
  });

export type DurationInput = z.input<typeof durationSchema>;

/** Unit words authors write, by the letter a duration uses. */
const UNIT_WORDS: [RegExp, string][] = [
  [/^(milliseconds?|millis|msecs?)$/, 'ms'],
  [/^(seconds?|secs?)$/, 's'],
  [/^(minutes?|mins?)$/, 'm'],
  [/^(hours?|hrs?)$/, 'h'],
  [/^days?$/, 'd'],
  [/^weeks?$/, 'w'],
];

/** `'30 minutes'` -> `'30m'`, `'1 hour 30 mins'` -> `'1h30m'`; undefined when the words are not amounts and units. */
function shortDurationText(text: string): string | undefined {
  const parts = [...text.toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('').replace(/\s+/g, '') !== text.toLowerCase().replace(/[\s,]+|\band\b/g, '')) return undefined;
  let out = '';
  for (const [, amount, word] of parts) {
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(word!))?.[1];
    if (!unit) return undefined;
    out += `${amount}${unit}`;
  }
  return out;
}

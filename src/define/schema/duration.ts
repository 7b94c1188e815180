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
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a duration: write e.g. '5m', '1h30m', '2d', '500ms' or { minutes: 5 }`,
    });
    return z.NEVER;
  });

export type DurationInput = z.input<typeof durationSchema>;

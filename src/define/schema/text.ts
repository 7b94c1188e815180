import { z } from 'zod';
import { FIELD_PATH_PATTERN } from '../../incident/template.js';

/** Text that ends up as a command argument: anything but a NUL, which argv cannot carry. */
export const argumentText = z
  .string()
  .refine((s) => !s.includes('\0'), 'contains a NUL character, which a command argument cannot carry');

/** A field path of a match or document: `host.name`, `@timestamp`, `a.b[0].c`. */
export const fieldPath = z
  .string()
  .regex(FIELD_PATH_PATTERN, 'a field path is letters, digits and _ @ . - (e.g. host.name), with optional [0] indexes');

/** A list of field paths or one field path. */
export const fieldPathOrList = z.union([fieldPath, z.array(fieldPath).min(1)]);

/** Elasticsearch query DSL clauses: JSON objects, ANDed together. */
export const dslClauses = z.array(z.record(z.string(), z.json())).min(1);

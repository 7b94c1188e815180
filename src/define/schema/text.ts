import { z } from 'zod';
import { FIELD_PATH_PATTERN } from '../../incident/template.js';
import type { EcsFieldName } from '../ecs-field-names.js';

/**
 * Text that ends up as a command argument: anything but a NUL, which argv cannot carry. (Lone
 * surrogates are refused everywhere in a definition, before the schema: validate-definition.ts.)
 */
export const argumentText = z.string().refine((s) => !s.includes('\0'), 'contains a NUL character, which a command argument cannot carry');

/**
 * What authors may write for a field path: any string, with every ECS name offered by the editor
 * (`string & {}` keeps the names from collapsing into `string`). The names are checked by
 * `defineAlert`'s types and by `alertsmith check`, not here.
 */
export type FieldPathInput = EcsFieldName | (string & {});

/** A field path of a match or document: `host.name`, `@timestamp`, `a.b[0].c`. */
export const fieldPath: z.ZodType<string, FieldPathInput> = z
  .string()
  .regex(FIELD_PATH_PATTERN, 'a field path is letters, digits and _ @ . - (e.g. host.name), with optional [0] indexes');

/** A list of field paths or one field path. */
export const fieldPathOrList = z.union([fieldPath, z.array(fieldPath).min(1)]);

/**
 * Keys of query DSL objects are written to YAML as plain keys, where ElastAlert 2's `expandvars`
 * could reach a `$` and the file's encoding would matter: they must be printable ASCII without `$`.
 * (Values may hold any text: they are always written escaped.)
 */
const DSL_KEY = /^[\x20-\x23\x25-\x7e]+$/;

function badDslKey(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = badDslKey(v);
      if (bad !== undefined) return bad;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (!DSL_KEY.test(k)) return k;
      const bad = badDslKey(v);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

/** Elasticsearch query DSL clauses: JSON objects, ANDed together. */
export const dslClauses = z
  .array(z.record(z.string(), z.json()))
  .min(1)
  .superRefine((clauses, ctx) => {
    const bad = badDslKey(clauses);
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `query DSL key ${JSON.stringify(bad)} must be printable ASCII without "$"; use query (a query_string) for such field names`,
      });
    }
  });

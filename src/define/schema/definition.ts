import { z } from 'zod';
import { RULE_TYPE_NAMES, type RuleTypeName } from '../../incident/match-fields.js';
import { attackSchema } from './attack.js';
import { durationSchema } from './duration.js';
import { fieldTypeSchema } from './field-types.js';
import { RULE_TYPE_OPTIONS } from './rule-types.js';
import { testCaseSchema } from './test-case.js';
import { argumentText, dslClauses, fieldPath, fieldPathOrList } from './text.js';
import { xsoarSchema } from './xsoar.js';

export const DEFINITION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What every detection has, whatever its rule type. */
const commonShape = {
  /** Kebab-case, unique, equal to the file name: `ssh-brute-force` in `ssh-brute-force.ts`. */
  id: z.string().regex(DEFINITION_ID, 'an id is kebab-case: lowercase letters and digits joined by "-"'),
  /** The rule name in ElastAlert; unique across the rules folder. */
  name: argumentText.pipe(z.string().min(1, 'name must not be empty')),
  /** What the detection finds and why it matters. */
  description: argumentText.pipe(z.string().min(1, 'description must not be empty')),
  /** Elasticsearch index pattern. @default `defaults.index` of the config */
  index: z.string().min(1, 'index must not be empty').optional(),
  /** A Lucene `query_string` query. With `filter`, both must match. */
  query: z.string().min(1, 'query must not be empty: leave it out to match every document').optional(),
  /** Elasticsearch query DSL clauses, ANDed together (and with `query`). */
  filter: dslClauses.optional(),
  /** Field (or fields) that split the rule's state: one count, one realert window per value. */
  query_key: fieldPathOrList.optional(),
  /** Matches of the same rule (per `query_key`) within this are dropped. @default `defaults.realert` of the config, else 1 minute */
  realert: durationSchema.optional(),
  /** Collect matches for this long and send them as one alert. */
  aggregation: durationSchema.optional(),
  /** How far back each query reaches. */
  buffer_time: durationSchema.optional(),
  /** Delay queries, for late-arriving data. */
  query_delay: durationSchema.optional(),
  /** Document field with the event time. @default `defaults.timestamp_field` of the config, else `@timestamp` */
  timestamp_field: fieldPath.optional(),
  /** MITRE ATT&CK metadata. */
  attack: attackSchema.optional(),
  /** Free-form tags. */
  tags: z.array(z.string().min(1)).optional(),
  /** Who maintains the detection (a team or a person). */
  owner: z.string().min(1).optional(),
  /** Non-ECS fields of the documents, with their Elasticsearch mapping types. */
  eventFields: z.record(fieldPath, fieldTypeSchema).optional(),
  /** How matches become Cortex XSOAR incidents. */
  xsoar: xsoarSchema,
  /** Test cases run by `alertsmith test` (never written into the rule). */
  tests: z.array(testCaseSchema).optional(),
};

/** The properties a definition of a rule type may have. */
export function definitionKeys(type: RuleTypeName): string[] {
  return ['type', ...Object.keys(commonShape), ...Object.keys(RULE_TYPE_OPTIONS[type])];
}

function variant<T extends RuleTypeName>(type: T) {
  return z.strictObject({ ...commonShape, type: z.literal(type), ...RULE_TYPE_OPTIONS[type] });
}

const variants = [
  variant('any'),
  variant('blacklist'),
  variant('whitelist'),
  variant('change'),
  variant('frequency'),
  variant('spike'),
  variant('flatline'),
  variant('new_term'),
  variant('cardinality'),
  variant('metric_aggregation'),
  variant('percentage_match'),
] as const;

type Variant = z.output<(typeof variants)[number]>;

/** Requirements a plain object shape cannot say: "one of two options", and change's query_key. */
function checkOneOf(def: Variant, ctx: z.RefinementCtx): void {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  switch (def.type) {
    // query_key is a common option; declaring it again as required here would make the
    // TypeScript type of the variant an impossible intersection.
    case 'change':
      need(def.query_key !== undefined, 'query_key', 'change needs query_key: whose value is compared');
      break;
    case 'cardinality':
      need(
        def.max_cardinality !== undefined || def.min_cardinality !== undefined,
        'max_cardinality',
        'cardinality needs max_cardinality or min_cardinality',
      );
      break;
    case 'metric_aggregation':
      need(
        def.max_threshold !== undefined || def.min_threshold !== undefined,
        'max_threshold',
        'metric_aggregation needs max_threshold or min_threshold',
      );
      need(
        def.metric_agg_type !== 'percentiles' || def.percentile_range !== undefined,
        'percentile_range',
        'metric_agg_type percentiles needs percentile_range',
      );
      break;
    case 'percentage_match':
      need(
        def.max_percentage !== undefined || def.min_percentage !== undefined,
        'max_percentage',
        'percentage_match needs max_percentage or min_percentage',
      );
      break;
    case 'new_term':
      need(def.fields !== undefined || def.query_key !== undefined, 'fields', 'new_term needs fields or query_key');
      break;
  }
}

/**
 * A detection definition: the single source of truth for its TypeScript type
 * (`DefinitionInput`, what authors write) and its validation at build time.
 */
export const definitionSchema = z
  .discriminatedUnion('type', variants, {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `type must be one of ${RULE_TYPE_NAMES.join(', ')}`
        : undefined,
  })
  .superRefine(checkOneOf);

/** A definition as authors write it (durations as text or mappings, severities as names or numbers). */
export type DefinitionInput = z.input<typeof definitionSchema>;
/** A validated definition (durations as mappings). */
export type Definition = z.output<typeof definitionSchema>;

import { z } from 'zod';
import { durationSchema } from './duration.js';
import { dslClauses, fieldPath, fieldPathOrList } from './text.js';

const positiveInt = z.number().int().positive();
const positive = z.number().positive().finite();
const nonNegative = z.number().nonnegative().finite();

/**
 * The options of each ElastAlert rule type, spelled as ElastAlert spells them. Options a type
 * requires are required here; "one of two" requirements are checked in `definition.ts`.
 */
export const RULE_TYPE_OPTIONS = {
  /** Every matching document is an alert. */
  any: {},
  /** `compare_key`'s value is in `blacklist`. */
  blacklist: {
    compare_key: fieldPath,
    blacklist: z.array(z.string()).min(1),
  },
  /** `compare_key`'s value is not in `whitelist`. */
  whitelist: {
    compare_key: fieldPath,
    whitelist: z.array(z.string()).min(1),
    ignore_null: z.boolean(),
  },
  /** `compare_key` changed for the same `query_key` (within `timeframe`, if given); `query_key` is required (definition.ts). */
  change: {
    compare_key: fieldPathOrList,
    ignore_null: z.boolean(),
    timeframe: durationSchema.optional(),
  },
  /** At least `num_events` documents within `timeframe` (per `query_key`). */
  frequency: {
    num_events: positiveInt,
    timeframe: durationSchema,
    use_count_query: z.boolean().optional(),
    use_terms_query: z.boolean().optional(),
    attach_related: z.boolean().optional(),
  },
  /** The event rate rose or fell by `spike_height` times against the previous `timeframe`. */
  spike: {
    spike_height: positive,
    spike_type: z.enum(['up', 'down', 'both']),
    timeframe: durationSchema,
    threshold_ref: nonNegative.optional(),
    threshold_cur: nonNegative.optional(),
    alert_on_new_data: z.boolean().optional(),
    field_value: fieldPath.optional(),
  },
  /** Fewer than `threshold` documents within `timeframe`: a source gone silent. */
  flatline: {
    threshold: positiveInt,
    timeframe: durationSchema,
    use_count_query: z.boolean().optional(),
    forget_keys: z.boolean().optional(),
  },
  /** A value never seen before in `fields` (or `query_key`). */
  new_term: {
    fields: z.array(fieldPathOrList).min(1).optional(),
    terms_window_size: durationSchema.optional(),
    alert_on_missing_field: z.boolean().optional(),
    use_terms_query: z.boolean().optional(),
  },
  /** More than `max_cardinality` (or fewer than `min_cardinality`) distinct `cardinality_field` values within `timeframe`. */
  cardinality: {
    cardinality_field: fieldPath,
    timeframe: durationSchema,
    max_cardinality: nonNegative.int().optional(),
    min_cardinality: nonNegative.int().optional(),
  },
  /** A metric aggregation of `metric_agg_key` crossed `max_threshold` or `min_threshold`. */
  metric_aggregation: {
    metric_agg_key: fieldPath,
    metric_agg_type: z.enum(['min', 'max', 'avg', 'sum', 'cardinality', 'value_count', 'percentiles']),
    max_threshold: z.number().finite().optional(),
    min_threshold: z.number().finite().optional(),
    percentile_range: z.number().min(0).max(100).optional(),
    bucket_interval: durationSchema.optional(),
    min_doc_count: positiveInt.optional(),
  },
  /** The share of documents matching `match_bucket_filter` is above or below a percentage. */
  percentage_match: {
    match_bucket_filter: dslClauses,
    min_percentage: z.number().min(0).max(100).optional(),
    max_percentage: z.number().min(0).max(100).optional(),
    min_denominator: positiveInt.optional(),
    bucket_interval: durationSchema.optional(),
  },
} as const;

export type RuleTypeOptions = typeof RULE_TYPE_OPTIONS;

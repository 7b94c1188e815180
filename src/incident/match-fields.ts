/**
 * Fields ElastAlert adds to the matches it pipes, per rule type (read off
 * elastalert/ruletypes.py of 0.2.4 and ElastAlert 2). Query-based types carry the hit's
 * `_source` plus these; aggregation types pipe synthetic objects with no `_id`.
 */
export const HIT_FIELDS = ['_id', '_index', 'num_hits', 'num_matches'] as const;

export const MATCH_FIELDS_BY_TYPE = {
  any: [...HIT_FIELDS],
  blacklist: [...HIT_FIELDS],
  whitelist: [...HIT_FIELDS],
  frequency: [...HIT_FIELDS, 'related_events'],
  change: [...HIT_FIELDS, 'old_value', 'new_value'],
  new_term: [...HIT_FIELDS, 'new_field', 'missing_field'],
  spike: [...HIT_FIELDS, 'spike_count', 'reference_count'],
  // ElastAlert 2 also adds `threshold`; Yelp 0.2.4 does not, so it is not offered here.
  flatline: [...HIT_FIELDS, 'key', 'count'],
  cardinality: [...HIT_FIELDS],
  metric_aggregation: ['num_hits', 'num_matches'],
  percentage_match: ['num_hits', 'num_matches', 'percentage', 'denominator'],
} as const;

export type RuleTypeName = keyof typeof MATCH_FIELDS_BY_TYPE;
export const RULE_TYPE_NAMES = Object.keys(MATCH_FIELDS_BY_TYPE) as RuleTypeName[];

/** metric_aggregation's value field: `metric_<metric_agg_key>_<metric_agg_type>`. */
export function metricValueField(aggKey: string, aggType: string): string {
  return `metric_${aggKey}_${aggType}`;
}

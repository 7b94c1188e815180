import { configSchema, type ResolvedConfig } from '../../src/define/schema/config.js';
import type { Definition } from '../../src/define/schema/definition.js';
import { validateDefinition } from '../../src/define/validate-definition.js';

export const testConfig: ResolvedConfig = configSchema.parse({
  runtime: { node: '/usr/bin/node', script: '/opt/alertsmith/alertsmith-incident.mjs' },
});

/** Validates a definition as build would (its id is taken as the file name). */
export function validated(input: Record<string, unknown>, config: ResolvedConfig = testConfig): Definition {
  const result = validateDefinition(input, String(input.id), config);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

const base = { name: 'N', description: 'D', index: 'logs-*', xsoar: { type: 'T', severity: 'low' } };

/** One small valid definition of every rule type, with the options that type requires. */
export const EVERY_RULE_TYPE: Record<string, Record<string, unknown>> = {
  any: { ...base, id: 'any', type: 'any' },
  blacklist: { ...base, id: 'blacklist', type: 'blacklist', compare_key: 'user.name', blacklist: ['root'] },
  whitelist: { ...base, id: 'whitelist', type: 'whitelist', compare_key: 'user.name', whitelist: ['svc'], ignore_null: true },
  change: { ...base, id: 'change', type: 'change', compare_key: 'source.geo.country_iso_code', ignore_null: true, query_key: 'user.name', timeframe: '1d' },
  frequency: { ...base, id: 'frequency', type: 'frequency', num_events: 5, timeframe: '5m', query_key: 'source.ip' },
  spike: { ...base, id: 'spike', type: 'spike', spike_height: 3, spike_type: 'up', timeframe: '1h' },
  flatline: { ...base, id: 'flatline', type: 'flatline', threshold: 1, timeframe: '30m' },
  new_term: { ...base, id: 'new-term', type: 'new_term', fields: ['process.name'], terms_window_size: '30d' },
  cardinality: { ...base, id: 'cardinality', type: 'cardinality', cardinality_field: 'destination.port', max_cardinality: 100, timeframe: '5m' },
  metric_aggregation: { ...base, id: 'metric', type: 'metric_aggregation', metric_agg_key: 'network.bytes', metric_agg_type: 'sum', max_threshold: 1e9 },
  percentage_match: { ...base, id: 'percentage', type: 'percentage_match', match_bucket_filter: [{ term: { 'event.outcome': 'failure' } }], max_percentage: 20 },
};

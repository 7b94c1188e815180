import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/commands/import/plan-import.js';

const KEYS = ['name', 'description', 'index', 'type', 'filter', 'query_key', 'realert', 'aggregation', 'timeframe', 'num_events', 'compare_key', 'blacklist', 'whitelist', 'ignore_null', 'alert', 'command', 'import', 'priority', 'owner', 'fields', 'spike_height', 'spike_type', 'metric_agg_key', 'metric_agg_type', 'max_threshold', 'match_bucket_filter', 'bucket_interval', 'top_count_keys'];
const TYPES = ['any', 'frequency', 'blacklist', 'whitelist', 'change', 'spike', 'flatline', 'new_term', 'cardinality', 'metric_aggregation', 'percentage_match', 'custom.Module'];

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...TYPES), fc.constantFrom('yes', '0777', '12:30', '2026-11-27', '$HOME', '%(x)s', '{match[y]}')),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom('query', 'query_string', 'term', 'range', 'minutes', 'hours', 'seconds'), fc.string()), tie('node'), { maxKeys: 4 })),
})).node;
const rule = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 12 });

describe('planImport', () => {
  it('answers for every file, whatever it holds, and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(rule.map((r) => yaml.dump(r)), fc.string()), { minLength: 1, maxLength: 4 }), (texts) => {
        const files = texts.map((_, i) => `/rules/r${i}.yaml`);
        const plan = planImport({ files, readText: (f) => texts[files.indexOf(f)], shownAs: (f) => f, xsoarType: 'T' });
        expect(plan.report.rules.length + plan.report.bases.length).toBe(files.length);
        for (const r of plan.report.rules) {
          if (r.status === 'not-imported') expect(r.reason).toMatch(/\S/);
          else expect(plan.outputs.get(`${r.id}.ts`)).toMatch(/^\/\/ Imported by alertsmith import from /);
        }
      }),
      { numRuns: 300 },
    );
  });
});

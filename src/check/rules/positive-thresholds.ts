import type { LintRule } from '../lint-rule.js';
import { propertyAt } from '../static-value.js';

/** Options that count something: 0 or less makes the rule fire on nothing or on everything. */
const POSITIVE_INTEGER = ['num_events', 'threshold', 'min_doc_count', 'min_denominator'];
const POSITIVE = ['spike_height'];
const NON_NEGATIVE = ['max_cardinality', 'min_cardinality', 'threshold_ref', 'threshold_cur'];
const PERCENTAGE = ['min_percentage', 'max_percentage', 'percentile_range'];

export const positiveThresholds: LintRule = {
  id: 'positive-thresholds',
  level: 'error',
  doc: 'Counts and thresholds are in range: num_events, threshold, spike_height > 0; cardinalities >= 0; percentages 0-100.',
  checkDefinition({ source, report }) {
    if (!source.definition) return;
    for (const [key, p] of source.definition.properties) {
      if (p.value.kind !== 'number') continue;
      const n = p.value.value;
      let problem: string | undefined;
      if (POSITIVE_INTEGER.includes(key) && !(Number.isInteger(n) && n > 0)) problem = 'a whole number above 0';
      else if (POSITIVE.includes(key) && !(n > 0)) problem = 'above 0';
      else if (NON_NEGATIVE.includes(key) && !(n >= 0)) problem = '0 or more';
      else if (PERCENTAGE.includes(key) && !(n >= 0 && n <= 100)) problem = 'between 0 and 100';
      if (problem) {
        report({ target: p.value.node, message: `${key} is ${n}; it must be ${problem}`, fix: `set ${key} to a value ${problem}` });
      }
    }
  },
};

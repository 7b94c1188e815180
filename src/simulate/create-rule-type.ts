import { AnyRule } from './any-rule.js';
import { CardinalityRule } from './cardinality-rule.js';
import { BlacklistRule, ChangeRule, WhitelistRule } from './compare-rules.js';
import { FlatlineRule, FrequencyRule } from './frequency-rules.js';
import { NewTermRule } from './new-term-rule.js';
import type { RuleOptions, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';
import { SimulationError } from './simulation-error.js';
import { SpikeRule } from './spike-rule.js';

/** Options that make ElastAlert count instead of reading hits, which a simulation of hits cannot follow. */
const COUNT_OPTIONS = ['use_count_query', 'use_terms_query'];

/** The simulated rule type of a rule, or an error naming what is not simulated. */
export function createRuleType(rule: RuleOptions, history: SimEvent[]): SimulatedRuleType {
  for (const option of COUNT_OPTIONS) {
    if (rule[option] === true) {
      throw new SimulationError('ALERTSMITH_TEST_UNSUPPORTED', `${rule.type} with ${option}: true is not simulated (it counts in Elasticsearch instead of reading hits); test without it`);
    }
  }
  switch (rule.type) {
    case 'any':
      return new AnyRule(rule);
    case 'blacklist':
      return new BlacklistRule(rule);
    case 'whitelist':
      return new WhitelistRule(rule);
    case 'change':
      return new ChangeRule(rule);
    case 'frequency':
      return new FrequencyRule(rule);
    case 'flatline':
      return new FlatlineRule(rule);
    case 'spike':
      return new SpikeRule(rule);
    case 'cardinality':
      return new CardinalityRule(rule);
    case 'new_term':
      return new NewTermRule(rule, history);
    default:
      throw new SimulationError('ALERTSMITH_TEST_UNSUPPORTED', `rule type ${rule.type} is not simulated (its matches come from Elasticsearch aggregations)`);
  }
}

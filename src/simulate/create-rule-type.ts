import type { ElastAlertLine } from '../define/schema/config.js';
import { AnyRule } from './any-rule.js';
import { CardinalityRule } from './cardinality-rule.js';
import type { EventTime } from './elastalert-time.js';
import { BlacklistRule, ChangeRule, WhitelistRule } from './compare-rules.js';
import { FlatlineRule, FrequencyRule } from './frequency-rules.js';
import { NewTermRule } from './new-term-rule.js';
import type { RuleOptions, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';
import { SimulationError } from './simulation-error.js';
import { SpikeRule } from './spike-rule.js';

/** Options that make ElastAlert count instead of reading hits, which a simulation of hits cannot follow. */
const COUNT_OPTIONS = ['use_count_query', 'use_terms_query'];

/** The simulated rule type of a rule (`start`: when ElastAlert loads it), or an error naming what is not simulated. */
export function createRuleType(rule: RuleOptions, history: SimEvent[], line: ElastAlertLine, start: EventTime): SimulatedRuleType {
  for (const option of COUNT_OPTIONS) {
    if (rule[option] === true) {
      throw new SimulationError('ALERTSMITH_TEST_UNSUPPORTED', `${rule.type} with ${option}: true is not simulated (it counts in Elasticsearch instead of reading hits); test without it`);
    }
  }
  switch (rule.type) {
    case 'any':
      return new AnyRule(rule, line);
    case 'blacklist':
      return new BlacklistRule(rule, line);
    case 'whitelist':
      return new WhitelistRule(rule, line);
    case 'change':
      return new ChangeRule(rule, line);
    case 'frequency':
      return new FrequencyRule(rule, line);
    case 'flatline':
      return new FlatlineRule(rule, line);
    case 'spike':
      return new SpikeRule(rule, line);
    case 'cardinality':
      return new CardinalityRule(rule, line);
    case 'new_term':
      return new NewTermRule(rule, line, history, start);
    default:
      throw new SimulationError('ALERTSMITH_TEST_UNSUPPORTED', `rule type ${rule.type} is not simulated (its matches come from Elasticsearch aggregations)`);
  }
}

import type { ResolvedConfig } from '../define/schema/config.js';
import type { Definition } from '../define/schema/definition.js';
import { RULE_TYPE_OPTIONS } from '../define/schema/rule-types.js';
import { detectionClauses } from '../query/detection-query.js';
import { commandOf } from './command.js';

/** An ElastAlert rule as a plain object whose key order is the order written to YAML. */
export type RuleObject = Record<string, unknown>;

/** Options common to all types, emitted after the type's own options, in this order. */
const COMMON_OPTIONS = ['query_key', 'realert', 'aggregation', 'buffer_time', 'query_delay'] as const;

/**
 * Compiles a validated definition (defaults already applied, see `validateDefinition`) into an
 * ElastAlert rule. Pure: the same definition and config give the same object, key order included.
 */
export function compileRule(def: Definition, config: ResolvedConfig): RuleObject {
  const rule: RuleObject = {
    name: def.name,
    description: def.description,
    index: def.index,
    type: def.type,
  };
  const options = def as unknown as Record<string, unknown>;
  for (const key of Object.keys(RULE_TYPE_OPTIONS[def.type])) {
    if (options[key] !== undefined && !(COMMON_OPTIONS as readonly string[]).includes(key)) rule[key] = options[key];
  }
  rule.timestamp_field = def.timestamp_field;
  const filter = detectionClauses(def);
  if (filter.length > 0) rule.filter = filter;
  for (const key of COMMON_OPTIONS) if (options[key] !== undefined) rule[key] = options[key];
  rule.alert = ['command'];
  rule.command = commandOf(def, config.runtime);
  rule.pipe_match_json = true;
  rule.fail_on_non_zero_exit = true;
  return rule;
}


import { ECS_ARRAY_FIELDS } from '../../define/ecs-fields.js';
import type { LintRule } from '../lint-rule.js';
import { propertyAt, stringOrList, type StaticString } from '../static-value.js';

/**
 * ECS fields marked `normalize: array` hold lists. Where a rule type hands such a value to
 * Python as one key, ElastAlert crashes and disables the rule (blacklist/whitelist `compare_key`:
 * `term in set`; spike `field_value`: `int(list)`), or keys by the whole list's text (`query_key`),
 * or never finds the value among the learned terms (new_term).
 */
export const ecsArrayField: LintRule = {
  id: 'ecs-array-field',
  level: 'error',
  doc: 'compare_key (blacklist, whitelist) and spike field_value are not ECS array fields (ElastAlert disables the rule); query_key and new_term fields are warned.',
  checkDefinition({ source, report }) {
    if (!source.definition) return;
    const type = propertyAt(source.definition, ['type']);
    if (type?.value.kind !== 'string') return;
    const kind = type.value.value;
    const strings = (key: string): StaticString[] => {
      const p = propertyAt(source.definition!, [key]);
      if (!p) return [];
      if (p.value.kind === 'array') return p.value.items.flatMap(stringOrList);
      return stringOrList(p.value);
    };
    const arrayFields = (key: string): StaticString[] => strings(key).filter((s) => ECS_ARRAY_FIELDS.has(s.value));
    if (kind === 'blacklist' || kind === 'whitelist') {
      for (const s of arrayFields('compare_key')) {
        report({
          target: s.node,
          message: `compare_key ${s.value} holds an array in ECS: ElastAlert's ${kind} looks the whole value up in a set, raises TypeError and disables the rule`,
          fix: `compare a single-valued field, or use type 'any' with a query such as ${s.value}:(a OR b)`,
        });
      }
    }
    if (kind === 'spike') {
      for (const s of arrayFields('field_value')) {
        report({ target: s.node, message: `field_value ${s.value} holds an array in ECS: int() of a list raises TypeError and ElastAlert disables the rule`, fix: 'average a single-valued numeric field' });
      }
    }
    for (const s of [...arrayFields('query_key'), ...(kind === 'new_term' ? arrayFields('fields') : [])]) {
      report({
        target: s.node,
        level: 'warning',
        message:
          kind === 'new_term'
            ? `${s.value} holds an array in ECS: new_term learns each element but compares an event's whole list, so every event with a list looks new`
            : `query_key ${s.value} holds an array in ECS: ElastAlert keys by the whole list's text, not by each value`,
        fix: 'key by a single-valued field',
      });
    }
  },
};

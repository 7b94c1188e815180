import { ECS_ARRAY_FIELDS } from '../../define/ecs-fields.js';
import type { PropertyPath } from '../../define/schema-issues.js';
import type { DefinitionCheck } from '../definition-check.js';

/** Each field path named by an option, with where it is: a string, or a list of them (nested for new_term's composite fields). */
function namedFields(value: unknown, path: PropertyPath): { name: string; path: PropertyPath }[] {
  if (typeof value === 'string') return [{ name: value, path }];
  if (Array.isArray(value)) return value.flatMap((item, i) => namedFields(item, [...path, i]));
  return [];
}

/**
 * ECS fields marked `normalize: array` hold lists. Where a rule type hands such a value to
 * Python as one key, ElastAlert crashes and disables the rule (blacklist/whitelist `compare_key`:
 * `term in set`; spike `field_value`: `int(list)`), or keys by the whole list's text (`query_key`),
 * or never finds the value among the learned terms (new_term). Run by build too: an error here is
 * a rule ElastAlert would disable.
 */
export const ecsArrayField: DefinitionCheck = {
  id: 'ecs-array-field',
  level: 'error',
  doc: 'compare_key (blacklist, whitelist) and spike field_value are not ECS array fields (ElastAlert disables the rule); query_key and new_term fields are warned.',
  checkDefinition({ definition, report }) {
    const d = definition.value as Record<string, unknown> | null;
    if (d === null || typeof d !== 'object' || typeof d.type !== 'string') return;
    const kind = d.type;
    const arrayFields = (key: string) => namedFields(d[key], [key]).filter((f) => ECS_ARRAY_FIELDS.has(f.name));
    if (kind === 'blacklist' || kind === 'whitelist') {
      for (const f of arrayFields('compare_key')) {
        report({
          path: f.path,
          message: `compare_key ${f.name} holds an array in ECS: ElastAlert's ${kind} looks the whole value up in a set, raises TypeError and disables the rule`,
          fix: `compare a single-valued field, or use type 'any' with a query such as ${f.name}:(a OR b)`,
        });
      }
    }
    if (kind === 'spike') {
      for (const f of arrayFields('field_value')) {
        report({ path: f.path, message: `field_value ${f.name} holds an array in ECS: int() of a list raises TypeError and ElastAlert disables the rule`, fix: 'average a single-valued numeric field' });
      }
    }
    for (const f of [...arrayFields('query_key'), ...(kind === 'new_term' ? arrayFields('fields') : [])]) {
      report({
        path: f.path,
        level: 'warning',
        message:
          kind === 'new_term'
            ? `${f.name} holds an array in ECS: new_term learns each element but compares an event's whole list, so every event with a list looks new`
            : `query_key ${f.name} holds an array in ECS: ElastAlert keys by the whole list's text, not by each value`,
        fix: 'key by a single-valued field',
      });
    }
  },
};

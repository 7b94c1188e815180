import { fieldValues } from './document-values.js';
import type { FieldTypes } from './field-types.js';

/**
 * The value of each `constant_keyword` field in an index: the first value indexed. Elasticsearch
 * sets a mapping without `value` from the first document that has one (and rejects any other
 * value after it); from then on every document of the index has it, `_source` or not.
 */
export function constantKeywordValues(types: FieldTypes, docs: readonly Record<string, unknown>[]): Map<string, string> {
  const out = new Map<string, string>();
  const fields = types.constantKeywordFields();
  for (const doc of docs) {
    for (const name of fields) {
      if (out.has(name)) continue;
      const first = fieldValues(doc, name)[0];
      if (first !== undefined && first !== null && typeof first !== 'object') out.set(name, String(first));
    }
  }
  return out;
}

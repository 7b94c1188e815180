import { definitionQuery } from '../definition-query.js';
import type { LintRule } from '../lint-rule.js';
import { rangeInString } from '../string-target.js';

/** Field kinds that index a value as one term: several words can only match that exact text. */
const WHOLE_VALUE_KINDS = new Set(['keyword', 'ip', 'integer', 'float', 'date', 'boolean']);

/**
 * Since Elasticsearch 6, query_string splits on operators, not on whitespace:
 * `event.code:(4624 4625)` looks up the one term "4624 4625" and matches nothing.
 */
export const queryTermWhitespace: LintRule = {
  id: 'query-term-whitespace',
  level: 'warning',
  doc: 'Words without an operator between them on a keyword, ip or number field are one term, which matches only that exact text.',
  checkDefinition({ source, report }) {
    const query = definitionQuery(source);
    if (!query) return;
    for (const leaf of query.leaves) {
      if (leaf.kind !== 'term' || leaf.words < 2 || leaf.field === undefined) continue;
      const field = query.types.find(leaf.field);
      if (!field || !WHOLE_VALUE_KINDS.has(field.kind)) continue;
      const words = leaf.raw.split(' ');
      report({
        target: rangeInString(query.literal.node, leaf.pos, leaf.end),
        message: `"${words.join(' ')}" is one term on ${field.type} field "${field.name}" (query_string does not split on whitespace), so it matches only that exact text`,
        fix: `join the values with OR: ${leaf.field}:(${words.join(' OR ')})`,
      });
    }
  },
};

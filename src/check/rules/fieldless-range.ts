import { clauseText, definitionQuery } from '../definition-query.js';
import type { LintRule } from '../lint-rule.js';
import { rangeInString } from '../string-target.js';

/**
 * A range without a field (`>100`, `[a TO c]`) runs on every field of the document: `@timestamp`
 * alone makes nearly every event match, and keywords compare as text.
 */
export const fieldlessRange: LintRule = {
  id: 'fieldless-range',
  level: 'warning',
  doc: 'Ranges in the query name their field; without one they run on every field.',
  checkDefinition({ source, report }) {
    const query = definitionQuery(source);
    if (!query) return;
    for (const leaf of query.leaves) {
      if (leaf.field !== undefined) continue;
      const isRange = leaf.kind === 'range' || (leaf.kind === 'term' && leaf.words === 1 && /^(>=|<=|>|<)./.test(leaf.raw));
      if (!isRange) continue;
      const text = clauseText(query, leaf);
      report({
        target: rangeInString(query.literal.node, leaf.pos, leaf.end),
        message: `the range ${text} has no field, so it runs on every field (@timestamp alone makes nearly every event match)`,
        fix: `name the field: e.g. source.port:${text}`,
      });
    }
  },
};

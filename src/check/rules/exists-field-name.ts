import { clauseText, definitionQuery } from '../definition-query.js';
import type { LintRule } from '../lint-rule.js';
import { rangeInString } from '../string-target.js';

/** What Elasticsearch makes of `_exists_:` followed by something other than a field name. */
const READ_AS = { fuzzy: 'a fuzzy query', regexp: 'a regular expression query', range: 'a range query' } as const;

/**
 * `_exists_:` reads only a field name (or an escaped field pattern) as "the field has a value". A
 * fuzzy term, a /regexp/ or a range after it is that query on a field named `_exists_`: it parses,
 * and matches nothing. (An unescaped pattern is `field-pattern-escape`'s finding.)
 */
export const existsFieldName: LintRule = {
  id: 'exists-field-name',
  level: 'warning',
  doc: '_exists_ is followed by a field name: _exists_:user.name, not a fuzzy term, regexp or range.',
  checkDefinition({ source, report }) {
    const query = definitionQuery(source);
    if (!query) return;
    for (const leaf of query.leaves) {
      if (leaf.field !== '_exists_') continue;
      const fuzzy = leaf.kind === 'term' && leaf.fuzzy;
      const kind = fuzzy ? 'fuzzy' : leaf.kind === 'regexp' || leaf.kind === 'range' ? leaf.kind : undefined;
      if (kind === undefined) continue;
      // A fuzzy term's span ends before its `~`.
      const text = fuzzy ? `${clauseText(query, leaf)}~${leaf.fuzziness ?? ''}` : clauseText(query, leaf);
      report({
        target: rangeInString(query.literal.node, leaf.pos, leaf.end),
        message: `_exists_:${text} is ${READ_AS[kind]} on a field named _exists_, which matches nothing`,
        fix: 'name the field after _exists_: (e.g. _exists_:user.name), or its pattern with the wildcards escaped (_exists_:user.\\*)',
      });
    }
  },
};

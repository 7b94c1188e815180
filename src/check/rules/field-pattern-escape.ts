import { escapeFieldPattern, unescapedFieldPatterns } from '../../query/lucene-syntax.js';
import { propertyAt } from '../static-value.js';
import type { LintRule } from '../lint-rule.js';
import { rangeInString } from '../string-target.js';

/**
 * `user.*:root` does not parse in Elasticsearch (the rule fails on every run) and
 * `_exists_:user.*` is a wildcard on a field named `_exists_` (it matches nothing): field
 * patterns are written with their wildcards escaped.
 */
export const fieldPatternEscape: LintRule = {
  id: 'field-pattern-escape',
  level: 'warning',
  doc: 'Field patterns in the query escape their wildcards: user.\\*:root, _exists_:user.\\*.',
  checkDefinition({ source, report }) {
    const query = source.definition && propertyAt(source.definition, ['query'])?.value;
    if (query?.kind !== 'string') return;
    for (const p of unescapedFieldPatterns(query.value)) {
      const escaped = escapeFieldPattern(p.pattern);
      report({
        target: rangeInString(query.node, p.pos, p.end),
        message: p.exists
          ? `_exists_:${p.pattern} is a wildcard query on a field named _exists_, which matches nothing`
          : `the field pattern ${p.pattern} is not escaped: Elasticsearch cannot parse the query`,
        fix: p.exists ? `write _exists_:${escaped}` : `write ${escaped}: with its wildcards escaped`,
      });
    }
  },
};

import { escapeFieldPattern, unescapedExistsPatterns } from '../../query/lucene-syntax.js';
import { propertyAt } from '../static-value.js';
import type { LintRule } from '../lint-rule.js';
import { rangeInString } from '../string-target.js';

/**
 * `_exists_:user.*` is a wildcard on a field named `_exists_` (it matches nothing): field
 * patterns are written with their wildcards escaped. (`user.*:root` does not parse at all: that
 * is the lucene-syntax error, run by build too, so it is not reported here a second time.)
 */
export const fieldPatternEscape: LintRule = {
  id: 'field-pattern-escape',
  level: 'warning',
  doc: 'Field patterns in the query escape their wildcards: user.\\*:root, _exists_:user.\\*.',
  checkDefinition({ source, report }) {
    const query = source.definition && propertyAt(source.definition, ['query'])?.value;
    if (query?.kind !== 'string') return;
    for (const p of unescapedExistsPatterns(query.value)) {
      report({
        target: rangeInString(query.node, p.pos, p.end),
        message: `_exists_:${p.pattern} is a wildcard query on a field named _exists_, which matches nothing`,
        fix: `write _exists_:${escapeFieldPattern(p.pattern)}`,
      });
    }
  },
};

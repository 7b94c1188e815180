import { analyseQuery } from '../lucene-query.js';
import { propertyAt } from '../static-value.js';
import { rangeInString } from '../string-target.js';
import type { LintRule } from '../lint-rule.js';

/** ElastAlert sends the query to Elasticsearch on every run; a bad one fails every run. */
export const luceneSyntax: LintRule = {
  id: 'lucene-syntax',
  level: 'error',
  doc: 'The Lucene query parses; the error points at the character inside the query string.',
  checkDefinition({ source, report }) {
    const query = source.definition && propertyAt(source.definition, ['query']);
    if (query?.value.kind !== 'string') return;
    const analysis = analyseQuery(query.value.value);
    if (analysis.ok) return;
    report({
      target: rangeInString(query.value.node, analysis.start, analysis.end),
      message: analysis.message,
      fix: 'quote values with spaces or special characters ("..."), escape reserved characters with \\, and close every ( [ {',
    });
  },
};

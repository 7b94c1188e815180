import { analyseQuery } from '../../check/lucene-query.js';
import type { DefinitionCheck } from '../definition-check.js';

/** ElastAlert sends the query to Elasticsearch on every run; a bad one fails every run. */
export const luceneSyntax: DefinitionCheck = {
  id: 'lucene-syntax',
  level: 'error',
  doc: 'The Lucene query parses; the error points at the character inside the query string.',
  checkDefinition({ definition, report }) {
    const query = (definition.value as { query?: unknown } | null)?.query;
    if (typeof query !== 'string') return;
    const analysis = analyseQuery(query);
    if (analysis.ok) return;
    report({
      path: ['query'],
      range: { start: analysis.start, end: analysis.end },
      message: analysis.message,
      fix: 'quote values with spaces or special characters ("..."), escape reserved characters with \\, and close every ( [ {',
    });
  },
};

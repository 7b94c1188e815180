import { analyseQuery } from '../../check/lucene-query.js';
import type { DefinitionCheck } from '../definition-check.js';

const FIX = 'quote values with spaces or special characters ("..."), escape reserved characters with \\ (a field pattern as user.\\*), and close every ( [ {';

/**
 * ElastAlert sends the query to Elasticsearch on every run; a bad one fails every run. The verdict
 * is the offline evaluator's parser, the one the fidelity suite holds to the real engine (it
 * refuses `user.*:root`, as Elasticsearch does), which also lists the fields for unknown-field.
 */
export const luceneSyntax: DefinitionCheck = {
  id: 'lucene-syntax',
  level: 'error',
  doc: 'The Lucene query parses as Elasticsearch parses it; the error points at the character inside the query string.',
  checkDefinition({ definition, report }) {
    const query = (definition.value as { query?: unknown } | null)?.query;
    if (typeof query !== 'string') return;
    const analysis = analyseQuery(query);
    if (analysis.ok) return;
    // At the end of the query (an unclosed group or quote): the string's closing quote.
    const start = analysis.start;
    report({
      path: ['query'],
      range: { start, end: start + 1 },
      message: start < query.length
        ? `the Lucene query does not parse at ${JSON.stringify(query[start])}: ${analysis.reason}`
        : `the Lucene query ends too early: ${analysis.reason}`,
      fix: FIX,
    });
  },
};

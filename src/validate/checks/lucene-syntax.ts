import { analyseQuery } from '../../check/lucene-query.js';
import { listEntryClause } from '../../query/detection-query.js';
import type { DefinitionCheck, Problem } from '../definition-check.js';

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
    checkListEntries(definition.value, report);
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

/**
 * ElastAlert adds `compare_key:"entry"` for each blacklist or whitelist entry to the query, the
 * entry copied in as written: a `"` in it ends the quoted value and the query fails on every run.
 */
function checkListEntries(value: unknown, report: (problem: Problem) => void): void {
  const d = value as { type?: unknown; compare_key?: unknown; blacklist?: unknown; whitelist?: unknown } | null;
  const list = d?.type === 'blacklist' ? 'blacklist' : d?.type === 'whitelist' ? 'whitelist' : undefined;
  const entries = list ? d?.[list] : undefined;
  if (!list || typeof d?.compare_key !== 'string' || !Array.isArray(entries)) return;
  entries.forEach((entry, i) => {
    if (typeof entry !== 'string' || analyseQuery(listEntryClause('f', entry)).ok) return;
    const quote = /(^|[^\\])(\\\\)*"/.test(entry);
    report({
      path: [list, i],
      message: quote
        ? `the ${list} entry ${JSON.stringify(entry)} has a double quote: ElastAlert adds it to the query as ${d.compare_key}:"<entry>", where the " ends the value, so Elasticsearch refuses the query on every run`
        : `the ${list} entry ${JSON.stringify(entry)} does not fit in the query ElastAlert adds (${d.compare_key}:"<entry>"): Elasticsearch would refuse the query on every run`,
      fix: quote ? 'escape each " in the entry as \\"' : 'escape each \\ and " in the entry with a backslash (\\\\, \\")',
    });
  });
}

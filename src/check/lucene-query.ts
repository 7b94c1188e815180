import { parseLucene, type LuceneNode, type NamedField } from '../query/lucene-syntax.js';
import { QuerySyntaxError } from '../query/query-error.js';

/** A field a Lucene query names, with its place in the query text. */
export type QueryField = NamedField;

export type QueryAnalysis =
  | { ok: true; fields: QueryField[]; tree: LuceneNode | undefined }
  | { ok: false; message: string; start: number; end: number; reason: string };

/**
 * Parses a Lucene `query_string` query with the offline evaluator's parser (the one the
 * fidelity suite holds to Elasticsearch) and lists the fields it names, or says where it does
 * not parse. Every check and lint rule that reads a query asks here, so each query is parsed once.
 */
export function analyseQuery(query: string): QueryAnalysis {
  let result = analysed.get(query);
  if (result === undefined) {
    if (analysed.size >= MEMO_LIMIT) analysed.clear();
    result = parseAndAnalyse(query);
    analysed.set(query, result);
  }
  return result;
}

/** Queries are few and short; the limit only bounds a long-running `--watch`. */
const MEMO_LIMIT = 20_000;
const analysed = new Map<string, QueryAnalysis>();

function parseAndAnalyse(query: string): QueryAnalysis {
  const fields: QueryField[] = [];
  try {
    const tree = parseLucene(query, 'OR', fields);
    return { ok: true, fields, tree };
  } catch (thrown) {
    if (!(thrown instanceof QuerySyntaxError)) throw thrown;
    const start = thrown.position;
    return { ok: false, message: describeParseError(query, start), start, end: start + 1, reason: thrown.reason };
  }
}

function describeParseError(query: string, offset: number): string {
  if (offset >= query.length) return 'the Lucene query ends too early (an unclosed group, quote or range?)';
  const char = query[offset]!;
  const unbalanced = query.split('(').length - query.split(')').length;
  const hint = char === ')' && unbalanced < 0 ? ' (more ")" than "(")' : '';
  return `the Lucene query does not parse at ${JSON.stringify(char)}${hint}`;
}

import lucene from 'lucene';

/** A field a Lucene query names, with its place in the query text. */
export interface QueryField {
  /** The field name with Lucene escapes removed (`a\:b` -> `a:b`). */
  name: string;
  /** Offset of the name in the query. */
  start: number;
  end: number;
}

export type QueryAnalysis =
  | { ok: true; fields: QueryField[] }
  | { ok: false; message: string; start: number; end: number };

/** Pseudo-fields Lucene accepts that are not document fields. */
const IMPLICIT_FIELD = '<implicit>';
/** `_exists_:host.name`: the term is the field. */
const EXISTS_FIELD = '_exists_';

interface Location {
  start: { offset: number };
  end: { offset: number };
}

/**
 * Parses a Lucene `query_string` query and lists the fields it names, or says where it does not
 * parse. The parser is the `lucene` package; its errors are rewritten into one line that names
 * the offending character instead of PEG.js's list of every expected token.
 */
export function analyseQuery(query: string): QueryAnalysis {
  // Two checks read each query in turn: parse it once.
  if (lastAnalysis?.query === query) return lastAnalysis.result;
  const result = parseAndAnalyse(query);
  lastAnalysis = { query, result };
  return result;
}

let lastAnalysis: { query: string; result: QueryAnalysis } | undefined;

function parseAndAnalyse(query: string): QueryAnalysis {
  let tree: unknown;
  try {
    tree = lucene.parse(query);
  } catch (thrown) {
    const location = (thrown as { location?: Location }).location;
    const start = location?.start.offset ?? 0;
    return { ok: false, message: describeParseError(query, start), start, end: Math.max(start + 1, location?.end.offset ?? start) };
  }
  const fields: QueryField[] = [];
  collectFields(tree, query, fields);
  return { ok: true, fields };
}

function describeParseError(query: string, offset: number): string {
  if (offset >= query.length) return 'the Lucene query ends too early (an unclosed group, quote or range?)';
  const char = query[offset]!;
  const unbalanced = query.split('(').length - query.split(')').length;
  const hint = char === ')' && unbalanced < 0 ? ' (more ")" than "(")' : '';
  return `the Lucene query does not parse at ${JSON.stringify(char)}${hint}`;
}

function collectFields(node: unknown, query: string, out: QueryField[]): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  const location = n['fieldLocation'] as Location | null | undefined;
  const field = n['field'];
  if (typeof field === 'string' && field !== IMPLICIT_FIELD && location) {
    if (field === EXISTS_FIELD) {
      const term = n['term'];
      const termLocation = n['termLocation'] as Location | null | undefined;
      if (typeof term === 'string' && termLocation) {
        // A term's location runs on over the whitespace after it.
        const start = termLocation.start.offset;
        const end = start + query.slice(start, termLocation.end.offset).trimEnd().length;
        out.push({ name: lucene.term.unescape(term), start, end });
      }
    } else {
      out.push({ name: lucene.term.unescape(field), start: location.start.offset, end: location.end.offset });
    }
  }
  collectFields(n['left'], query, out);
  collectFields(n['right'], query, out);
}

import { QuerySyntaxError } from './query-error.js';
import { hasWildcard } from './text-patterns.js';

/**
 * A parser for Lucene's classic query syntax as Elasticsearch's `query_string` reads it, written
 * from the grammar of Lucene's `QueryParser.jj`. Boolean operators follow the classic parser:
 * there is no precedence; each clause gets an occurrence (must, should, must_not) from its
 * conjunction and modifier, and `AND` makes the clause before it required (see `addClause`).
 */

export type Occur = 'must' | 'should' | 'must_not';

export type LuceneNode =
  | { kind: 'bool'; clauses: { occur: Occur; node: LuceneNode }[] }
  /**
   * An unquoted term; `raw` keeps its backslash escapes (they decide what `*` and `?` mean).
   * `words` > 1: plain words with nothing but whitespace between them, which the parser joins
   * into one text for the field's analyzer (Lucene's `MultiTerm`, `splitOnWhitespace` false).
   */
  | {
      kind: 'term';
      field: string | undefined;
      raw: string;
      fuzzy: boolean;
      /** After `~`: '' (Elasticsearch's AUTO), or the number written. */
      fuzziness?: string;
      words: number;
      pos: number;
      end: number;
    }
  | { kind: 'phrase'; field: string | undefined; text: string; slop: number; pos: number; end: number }
  | { kind: 'regexp'; field: string | undefined; pattern: string; pos: number; end: number }
  | {
      kind: 'range';
      field: string | undefined;
      pos: number;
      end: number;
      /** undefined: open (`*`). */
      lower: string | undefined;
      upper: string | undefined;
      includeLower: boolean;
      includeUpper: boolean;
    };

type Token = (
  | { t: 'term'; text: string }
  | { t: 'quoted'; text: string }
  | { t: 'regexp'; text: string }
  | { t: 'and' | 'or' | 'not' | 'plus' | 'minus' | 'lparen' | 'rparen' | 'colon' }
  | { t: 'fuzzy'; text: string }
  | { t: 'boost'; text: string }
  | { t: 'range'; open: '[' | '{'; close: ']' | '}'; lower: string | undefined; upper: string | undefined }
) & { pos: number; end?: number };

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\u3000']);
/** Characters that cannot start a term unescaped (`-` and `+` may continue one). */
const NOT_TERM_START = new Set([...WHITESPACE, '+', '-', '!', '(', ')', ':', '^', '[', ']', '"', '{', '}', '~', '\\', '/']);
const NOT_TERM_CHAR = new Set([...WHITESPACE, '!', '(', ')', ':', '^', '[', ']', '"', '{', '}', '~', '\\', '/']);

const STRAY_PAREN = 'a ) that closes no (';

function syntaxError(query: string, pos: number, what: string): QuerySyntaxError {
  return new QuerySyntaxError(query, pos, what);
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const isEnd = (at: number): boolean => at >= q.length || WHITESPACE.has(q[at]!) || q[at] === ')' || q[at] === '(';
  while (i < q.length) {
    const ch = q[i]!;
    const pos = i;
    const before = tokens.length;
    i = readToken(q, i, ch, pos, tokens, isEnd);
    for (let k = before; k < tokens.length; k++) tokens[k]!.end ??= i;
  }
  return tokens;
}

function readToken(q: string, i: number, ch: string, pos: number, tokens: Token[], isEnd: (at: number) => boolean): number {
  {
    if (WHITESPACE.has(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ':') {
      tokens.push({ t: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'colon', pos });
      i++;
    } else if ((ch === '&' && q[i + 1] === '&') || (ch === '|' && q[i + 1] === '|')) {
      if (!isEnd(i + 2)) {
        i = readTerm(q, i, tokens);
      } else {
        tokens.push({ t: ch === '&' ? 'and' : 'or', pos });
        i += 2;
      }
    } else if (ch === '+' || ch === '-' || ch === '!') {
      // Followed by whitespace it is a bare operator (Lucene's BAREOPER): a term of its own. At the
      // end of the query it is a modifier with no clause after it, which does not parse.
      if (WHITESPACE.has(q[i + 1] ?? '')) tokens.push({ t: 'term', text: ch, pos });
      else tokens.push({ t: ch === '+' ? 'plus' : ch === '-' ? 'minus' : 'not', pos });
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < q.length && q[j] !== '"') {
        if (q[j] === '\\' && j + 1 < q.length) {
          text += q[j + 1];
          j += 2;
        } else text += q[j++];
      }
      if (j >= q.length) throw syntaxError(q, pos, 'the quote " is never closed');
      tokens.push({ t: 'quoted', text, pos });
      i = j + 1;
    } else if (ch === '/') {
      let j = i + 1;
      let text = '';
      while (j < q.length && q[j] !== '/') {
        if (q[j] === '\\' && q[j + 1] === '/') {
          text += '/';
          j += 2;
        } else text += q[j++];
      }
      if (j >= q.length) throw syntaxError(q, pos, 'the regular expression / is never closed (a literal / must be escaped as \\/ or quoted)');
      tokens.push({ t: 'regexp', text, pos });
      i = j + 1;
    } else if (ch === '~') {
      const m = /^~(\d+(?:\.\d+)?)?/.exec(q.slice(i))!;
      tokens.push({ t: 'fuzzy', text: m[1] ?? '', pos });
      i += m[0].length;
    } else if (ch === '^') {
      const m = /^\^(\d+(?:\.\d+)?)/.exec(q.slice(i));
      if (!m) throw syntaxError(q, pos, '^ must be followed by a boost number');
      tokens.push({ t: 'boost', text: m[1]!, pos });
      i += m[0].length;
    } else if (ch === '[' || ch === '{') {
      i = readRange(q, i, tokens);
    } else if (ch === ']' || ch === '}') {
      throw syntaxError(q, pos, `unexpected ${ch}`);
    } else {
      i = readTerm(q, i, tokens);
    }
  }
  return i;
}

function readTerm(q: string, start: number, tokens: Token[]): number {
  let j = start;
  let text = '';
  while (j < q.length) {
    const c = q[j]!;
    if (c === '\\') {
      if (j + 1 >= q.length) throw syntaxError(q, j, 'the query ends with a lone backslash');
      text += c + q[j + 1];
      j += 2;
      continue;
    }
    if (j === start ? NOT_TERM_START.has(c) && c !== '\\' : NOT_TERM_CHAR.has(c)) break;
    text += c;
    j++;
  }
  if (j === start) throw syntaxError(q, start, `unexpected ${q[start]}`);
  if (text === 'AND') tokens.push({ t: 'and', pos: start });
  else if (text === 'OR') tokens.push({ t: 'or', pos: start });
  else if (text === 'NOT') tokens.push({ t: 'not', pos: start });
  else tokens.push({ t: 'term', text, pos: start });
  return j;
}

function readRange(q: string, start: number, tokens: Token[]): number {
  const open = q[start] as '[' | '{';
  let j = start + 1;
  const parts: (string | undefined)[] = [];
  let sawTo = false;
  for (;;) {
    while (j < q.length && WHITESPACE.has(q[j]!)) j++;
    if (j >= q.length) throw syntaxError(q, start, `the range ${open} is never closed with ] or }`);
    const c = q[j]!;
    if (c === ']' || c === '}') {
      if (parts.length !== 2 || !sawTo) throw syntaxError(q, start, 'a range is [lower TO upper] or {lower TO upper}');
      tokens.push({ t: 'range', open, close: c, lower: parts[0], upper: parts[1], pos: start });
      return j + 1;
    }
    if (c === '"') {
      let k = j + 1;
      let text = '';
      while (k < q.length && q[k] !== '"') {
        if (q[k] === '\\' && k + 1 < q.length) {
          text += q[k + 1];
          k += 2;
        } else text += q[k++];
      }
      if (k >= q.length) throw syntaxError(q, j, 'the quote " is never closed');
      parts.push(text);
      j = k + 1;
      continue;
    }
    let k = j;
    let goop = '';
    const endsGoop = (c: string | undefined): boolean => c === undefined || WHITESPACE.has(c) || c === ']' || c === '}';
    while (!endsGoop(q[k])) {
      if (q[k] === '\\') {
        // Lucene's bound ends at a space, ] or } whether escaped or not, and cannot end with a backslash.
        if (endsGoop(q[k + 1])) throw syntaxError(q, k, 'a range bound cannot end with a backslash (quote the bound to hold a space, ] or })');
        goop += q[k + 1];
        k += 2;
      } else goop += q[k++];
    }
    if (goop === 'TO' && parts.length === 1 && !sawTo) sawTo = true;
    else if (parts.length >= 2 || (parts.length === 1 && !sawTo)) {
      throw syntaxError(q, j, 'a range is [lower TO upper] or {lower TO upper}');
    } else parts.push(goop === '*' ? undefined : goop);
    j = k;
  }
}

/**
 * Parses a query. `defaultOperator` is what a clause with no operator means (Elasticsearch's
 * `default_operator`, OR unless set).
 */
/** A field a query names, unescaped (`a\\:b` is `a:b`), with the offsets of its name in the query. */
export interface NamedField {
  name: string;
  start: number;
  end: number;
}

/** `_exists_:host.name`: the term is the field. */
const EXISTS_FIELD = '_exists_';

/**
 * Parses a query_string query; throws `QuerySyntaxError` where it does not parse. When `fields`
 * is given, every field the query names is pushed to it, in query order (for `_exists_:f`, f).
 */
export function parseLucene(query: string, defaultOperator: 'OR' | 'AND' = 'OR', fields?: NamedField[]): LuceneNode | undefined {
  const tokens = tokenize(query);
  let at = 0;
  const peek = (offset = 0): Token | undefined => tokens[at + offset];
  const fail = (what: string): never => {
    throw syntaxError(query, peek()?.pos ?? query.length, what);
  };

  const parseQuery = (field: string | undefined, nested: boolean): LuceneNode | undefined => {
    const clauses: { occur: Occur; node: LuceneNode }[] = [];
    let first: LuceneNode | undefined;
    let firstHadModifier = false;
    let count = 0;
    for (;;) {
      const tok = peek();
      if (tok === undefined || tok.t === 'rparen') {
        if (count === 0) fail(tok === undefined ? 'the query is empty' : 'empty ( )');
        if (tok?.t === 'rparen' && !nested) fail(STRAY_PAREN);
        break;
      }
      let conj: 'and' | 'or' | undefined;
      if (count > 0 && (tok.t === 'and' || tok.t === 'or')) {
        conj = tok.t;
        at++;
      } else if (count === 0 && (tok.t === 'and' || tok.t === 'or')) {
        fail(`the query cannot start with ${tok.t.toUpperCase()}`);
      }
      let mod: 'plus' | 'minus' | 'not' | undefined;
      const m = peek();
      if (m && (m.t === 'plus' || m.t === 'minus' || m.t === 'not')) {
        mod = m.t;
        at++;
      }
      const node = (conj === undefined && mod === undefined ? parseMultiTerm(field) : undefined) ?? parseClause(field);
      addClause(clauses, conj, mod, node, defaultOperator);
      if (count === 0) {
        first = node;
        firstHadModifier = mod !== undefined;
      }
      count++;
    }
    if (count === 1 && !firstHadModifier) return first;
    return { kind: 'bool', clauses };
  };

  /**
   * Lucene's `MultiTerm`: plain words with only whitespace between them, each but the last
   * followed by another plain word, become one text (`event.code:(4624 4625)` is the one term
   * "4624 4625" on a keyword field). A word followed by `:`, `^`, `~`, AND or OR stays apart.
   */
  const parseMultiTerm = (field: string | undefined): LuceneNode | undefined => {
    const joins = (offset: number): boolean => isPlainWord(peek(offset)) && canFollowMultiTerm(peek(offset + 1));
    if (!isPlainWord(peek()) || !joins(1)) return undefined;
    const first = peek()!;
    const words = [first];
    at++;
    while (joins(0)) words.push(peek()!), at++;
    const raw = words.map((w) => (w as { text: string }).text).join(' ');
    return { kind: 'term', field, raw, fuzzy: false, words: words.length, pos: first.pos, end: words[words.length - 1]!.end ?? first.pos };
  };

  const parseClause = (field: string | undefined): LuceneNode => {
    const tok = peek();
    const next = peek(1);
    let clauseField = field;
    if (tok && tok.t === 'term' && next?.t === 'colon') {
      if (tok.text !== '*' && hasWildcard(tok.text)) {
        fail(`the field pattern ${tok.text} must have its wildcards escaped: ${escapeFieldPattern(tok.text)}`);
      }
      clauseField = tok.text.replace(/\\([^])/g, '$1');
      if (clauseField !== EXISTS_FIELD) fields?.push({ name: clauseField, start: tok.pos, end: tok.end ?? tok.pos + tok.text.length });
      at += 2;
    }
    const body = peek();
    if (body === undefined) {
      const before = tokens[at - 1];
      fail(
        clauseField !== field || before === undefined || before.t === 'colon'
          ? 'nothing follows the field name: write what it should match after the colon (host.name:web-1)'
          : `the query ends after ${operatorText(query, before)}: add the clause it joins, or remove it`,
      );
    }
    if (body!.t === 'lparen') {
      at++;
      const inner = parseQuery(clauseField, true);
      if (peek()?.t !== 'rparen') fail('the ( is never closed');
      at++;
      skipBoost();
      return inner ?? { kind: 'bool', clauses: [] };
    }
    const term = parseTerm(clauseField);
    if (clauseField === EXISTS_FIELD && fields && (term.kind === 'term' || term.kind === 'phrase')) {
      const name = term.kind === 'term' ? term.raw.replace(/\\([^])/g, '$1') : term.text;
      if (name !== '*') fields.push({ name, start: term.pos, end: term.end });
    }
    return term;
  };

  const skipBoost = (): void => {
    if (peek()?.t === 'boost') at++;
  };

  const parseTerm = (field: string | undefined): LuceneNode => {
    const tok = peek();
    if (tok === undefined) return fail('a term is missing');
    at++;
    switch (tok.t) {
      case 'term': {
        let fuzzy = false;
        let fuzziness: string | undefined;
        const readFuzzy = (): void => {
          const f = peek();
          if (f?.t !== 'fuzzy') return;
          fuzzy = true;
          fuzziness = f.text;
          at++;
        };
        readFuzzy();
        skipBoost();
        readFuzzy();
        return { kind: 'term', field, raw: tok.text, fuzzy, ...(fuzzy ? { fuzziness } : {}), words: 1, ...span(tok) };
      }
      case 'quoted': {
        let slop = 0;
        const f = peek();
        if (f?.t === 'fuzzy') {
          slop = f.text === '' ? 0 : Math.trunc(Number(f.text));
          at++;
        }
        skipBoost();
        return { kind: 'phrase', field, text: tok.text, slop, ...span(tok) };
      }
      case 'regexp':
        skipBoost();
        return { kind: 'regexp', field, pattern: tok.text, ...span(tok) };
      case 'range':
        skipBoost();
        return {
          kind: 'range',
          field,
          lower: tok.lower,
          upper: tok.upper,
          includeLower: tok.open === '[',
          includeUpper: tok.close === ']',
          ...span(tok),
        };
      default:
        // At the token itself: `at` has already moved past it.
        throw syntaxError(query, tok.pos, tok.t === 'rparen' ? STRAY_PAREN : `unexpected ${describe(tok, query)}`);
    }
  };

  const result = parseQuery(undefined, false);
  if (at < tokens.length) fail(`unexpected ${describe(tokens[at]!, query)}`);
  return result;
}

/** A clause of a parsed query that is not a boolean, with the field it searches (undefined: the default fields). */
export type LuceneLeaf = Exclude<LuceneNode, { kind: 'bool' }>;

/** Every leaf clause of a parsed query, in query order. */
export function luceneLeaves(node: LuceneNode | undefined): LuceneLeaf[] {
  if (node === undefined) return [];
  if (node.kind !== 'bool') return [node];
  return node.clauses.flatMap((c) => luceneLeaves(c.node));
}

/**
 * `_exists_:` with an unescaped field pattern: it parses, as a wildcard query on a field named
 * `_exists_`, which matches nothing. Offsets are into the query. (An unescaped pattern before a
 * colon, `user.*:root`, does not parse: parseLucene says so.)
 */
export function unescapedExistsPatterns(query: string): { pattern: string; pos: number; end: number }[] {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch {
    return [];
  }
  const out: { pattern: string; pos: number; end: number }[] = [];
  tokens.forEach((tok, i) => {
    if (tok.t !== 'term' || tok.text !== '_exists_' || tokens[i + 1]?.t !== 'colon') return;
    const value = tokens[i + 2];
    if (value?.t === 'term' && hasWildcard(value.text) && value.text !== '*') out.push({ pattern: value.text, pos: value.pos, end: value.end ?? value.pos });
  });
  return out;
}

function span(tok: Token): { pos: number; end: number } {
  return { pos: tok.pos, end: tok.end ?? tok.pos };
}

/** A Lucene TERM token: a word without unescaped wildcards (those are WILDTERM or PREFIXTERM). */
function isPlainWord(tok: Token | undefined): boolean {
  return tok !== undefined && tok.t === 'term' && !hasWildcard(tok.text) && !['+', '-', '!'].includes(tok.text);
}

/** Lucene's `allowedPostMultiTerm`: anything but `:`, `*`, `~`, `^`, AND, OR. */
function canFollowMultiTerm(tok: Token | undefined): boolean {
  if (tok === undefined) return true;
  if (tok.t === 'term') return tok.text !== '*';
  return !['colon', 'fuzzy', 'boost', 'and', 'or'].includes(tok.t);
}

/** `user.*` -> `user.\*`: how a field pattern is written in query_string. */
export function escapeFieldPattern(pattern: string): string {
  return pattern.replace(/\\[^]|[*?]/g, (m) => (m.length === 2 ? m : `\\${m}`));
}

/** An operator as the query wrote it: `AND`, `&&`, `NOT`, `!`, `+`... */
function operatorText(query: string, tok: Token): string {
  return /^(?:AND|OR|NOT|&&|\|\||[!+-])/.exec(query.slice(tok.pos))?.[0] ?? tok.t.toUpperCase();
}

function describe(tok: Token, query: string): string {
  switch (tok.t) {
    case 'and':
    case 'or':
    case 'not':
    case 'plus':
    case 'minus':
      return operatorText(query, tok);
    case 'fuzzy':
      return '~ (it follows a word or a quoted phrase: roam~1, "a b"~2)';
    case 'boost':
      return '^ (it follows a clause: error^2)';
    case 'term':
    case 'quoted':
      return JSON.stringify(tok.text);
    case 'colon':
      return ':';
    case 'rparen':
      return ')';
    case 'lparen':
      return '(';
    default:
      return tok.t.toUpperCase();
  }
}

/**
 * Lucene's `QueryParserBase.addClause`: `AND` makes the previous clause required (unless it is
 * prohibited); with default operator AND, `OR` makes it optional; the new clause is required,
 * optional or prohibited from its own modifier and conjunction. Hence `NOT a OR b` is
 * `-a b` (b and not a), and `a AND b OR c` is `+a +b c`.
 */
function addClause(
  clauses: { occur: Occur; node: LuceneNode }[],
  conj: 'and' | 'or' | undefined,
  mod: 'plus' | 'minus' | 'not' | undefined,
  node: LuceneNode,
  defaultOperator: 'OR' | 'AND',
): void {
  const last = clauses[clauses.length - 1];
  if (last && conj === 'and' && last.occur !== 'must_not') last.occur = 'must';
  if (last && defaultOperator === 'AND' && conj === 'or' && last.occur !== 'must_not') last.occur = 'should';
  const prohibited = mod === 'minus' || mod === 'not';
  let required: boolean;
  if (defaultOperator === 'OR') required = mod === 'plus' || (conj === 'and' && !prohibited);
  else required = !prohibited && conj !== 'or';
  clauses.push({ node, occur: prohibited ? 'must_not' : required ? 'must' : 'should' });
}

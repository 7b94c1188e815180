import type { SearchEngine } from '../define/schema/config.js';
import { documentDate, resolveDateMath } from './date-values.js';
import { fieldExists, fieldValues } from './document-values.js';
import type { FieldKind, ResolvedField } from './field-types.js';
import { parseCidr, parseIp } from './ip-values.js';
import { QueryError, unsupported } from './query-error.js';
import { analyzeStandard, luceneLowerCase } from './standard-analyzer.js';
import { asciiLowerCase, hasWildcard, luceneRegExp, wildcardToRegExp } from './text-patterns.js';

/** A compiled query: does this document match? */
export type DocMatcher = (doc: Record<string, unknown>) => boolean;

/** What one query clause asks of one field. */
export type FieldCondition =
  /** Exact term, not analysed (DSL `term`/`terms`). */
  | { op: 'term'; value: unknown; caseInsensitive?: boolean }
  /** Analysed text (a query_string term, DSL `match`): tokens joined with `operator`. */
  | { op: 'match'; text: string; operator: 'OR' | 'AND'; minimumShouldMatch?: (tokenCount: number) => number }
  /** Analysed phrase: tokens in a row (a quoted query_string term, DSL `match_phrase`). */
  /** `slop`: how far the words may move (`"a b"~2`, match_phrase `slop`); 0 is in a row. */
  | { op: 'phrase'; text: string; slop?: number }
  /**
   * `normalize`: the condition comes from query_string, which runs patterns and range bounds
   * through the field's analyzer (lowercasing them on text fields); the DSL does not.
   */
  | { op: 'wildcard'; pattern: string; normalize: boolean; caseInsensitive?: boolean }
  | { op: 'prefix'; value: string; normalize: boolean; caseInsensitive?: boolean }
  | { op: 'regexp'; pattern: string; caseInsensitive?: boolean; normalize?: boolean }
  | { op: 'range'; gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown; normalize?: boolean }
  /** query_string `term~` / `term~1`: within that many edits (a transposition is one); '' is AUTO. */
  | { op: 'fuzzy'; value: string; fuzziness: string }
  | { op: 'exists' };

export interface ConditionContext {
  /** The fixed clock for date math, epoch milliseconds. */
  now: number;
  /** Whose semantics to follow where the engines differ. @default 'elasticsearch' */
  engine?: SearchEngine;
  /** The index's value of each constant_keyword field that has one (see constantKeywordValues). */
  constants?: ReadonlyMap<string, string>;
}

const NEVER: DocMatcher = () => false;

/**
 * Compiles one condition on one field into a matcher, with the field's Elasticsearch type
 * semantics. Throws a QueryError where Elasticsearch would reject the query, or where the
 * evaluator cannot follow it faithfully.
 */
export function fieldCondition(field: ResolvedField, cond: FieldCondition, ctx: ConditionContext): DocMatcher {
  if (field.type === 'constant_keyword' && field.source === field.name) return constantCondition(field, cond, ctx);
  if (cond.op === 'exists') {
    // An object holding a constant_keyword field exists in every document of the index.
    const prefix = `${field.source}.`;
    if ([...(ctx.constants?.keys() ?? [])].some((k) => k.startsWith(prefix))) return () => true;
    return (doc) => fieldExists(doc, field.source);
  }
  const { kind } = field;
  if (kind === 'object' || kind === 'unsearchable') {
    throw unsupported(`a ${cond.op} query on field "${field.name}" of type ${field.type}`, 'only exists queries are evaluated on it');
  }
  if (kind === 'text') return textCondition(field, cond, ctx);
  if (field.type === 'wildcard' && ctx.engine === 'opensearch') {
    const grams = openSearchWildcardFieldQuirk(field, cond);
    if (grams) return (doc) => fieldValues(doc, field.source).some((v) => ngramsOf(keywordText(v, field)).some(grams));
  }
  const test = valueTest(field, cond, ctx);
  if (test === undefined) return NEVER;
  return (doc) => fieldValues(doc, field.source).some(test);
}

/** Every document of the index has the field's one value, or none has any. */
function constantCondition(field: ResolvedField, cond: FieldCondition, ctx: ConditionContext): DocMatcher {
  const value = ctx.constants?.get(field.name);
  if (value === undefined) return NEVER;
  if (cond.op === 'exists') return () => true;
  if (ctx.engine === 'opensearch') {
    // OpenSearch matches constant_keyword patterns with its simple matcher, where only * is a
    // wildcard; a query_string regexp or a fuzzy term finds no indexed term at all.
    if ((cond.op === 'regexp' && cond.normalize) || cond.op === 'fuzzy') return NEVER;
    if (cond.op === 'wildcard') cond = { ...cond, pattern: cond.pattern.replace(/\?/g, '\\?') };
  }
  const test = valueTest(field, cond, ctx);
  return test !== undefined && test(value) ? () => true : NEVER;
}

/**
 * OpenSearch 2's `wildcard` field answers query_string wildcards (other than a trailing `*`) and
 * regular expressions from its index of n-grams, not from the value: the pattern must match a
 * whole n-gram (1 to 3 characters, with the value's start and end as a NUL), so `*whoami*`
 * matches nothing and `*all` matches any value containing "all". It refuses ranges.
 */
function openSearchWildcardFieldQuirk(field: ResolvedField, cond: FieldCondition): ((gram: string) => boolean) | undefined {
  if (cond.op === 'range' && cond.normalize) {
    throw new QueryError('ALERTSMITH_QUERY_VALUE', `OpenSearch cannot run a range query on wildcard field "${field.name}"`);
  }
  if (cond.op === 'regexp' && cond.normalize) {
    const re = luceneRegExp(cond.pattern, false);
    return (g) => re.test(g);
  }
  if (cond.op === 'wildcard' && cond.normalize && !isPrefixPattern(cond.pattern)) {
    const re = wildcardToRegExp(cond.pattern);
    return (g) => re.test(g);
  }
  return undefined;
}

/** A Lucene PREFIXTERM: `abc*` with no other unescaped wildcard. */
function isPrefixPattern(pattern: string): boolean {
  return pattern.endsWith('*') && !pattern.endsWith('\\*') && !hasWildcard(pattern.slice(0, -1));
}

const NUL = '\u0000';

function ngramsOf(value: string): string[] {
  const padded = `${NUL}${value}${NUL}`;
  const out = new Set<string>();
  for (let i = 0; i < padded.length; i++) {
    for (let n = 1; n <= 3 && i + n <= padded.length; n++) {
      const g = padded.slice(i, i + n);
      if (g !== NUL) out.add(g);
    }
  }
  return [...out];
}

type ValueTest = (value: unknown) => boolean;

function valueTest(field: ResolvedField, cond: FieldCondition, ctx: ConditionContext): ValueTest | undefined {
  const kind = field.kind;
  switch (cond.op) {
    case 'term':
      return equalsTest(field, cond.value, ctx, cond.caseInsensitive ?? false);
    case 'match':
    case 'phrase':
      return equalsTest(field, cond.text, ctx, false);
    case 'range':
      return rangeTest(field, cond, ctx);
    case 'fuzzy': {
      if (kind !== 'keyword' || field.type === 'wildcard') throw onlyKeywordAndText(field, 'fuzzy');
      const edits = fuzzyEdits(cond);
      return (v) => withinEdits(keywordText(v, field), cond.value, edits);
    }
    case 'wildcard':
    case 'prefix':
    case 'regexp': {
      if (kind !== 'keyword') {
        throw new QueryError(
          'ALERTSMITH_QUERY_VALUE',
          `a ${cond.op} query on field "${field.name}" of type ${field.type}: Elasticsearch only runs ${cond.op} queries on keyword and text fields`,
        );
      }
      const re = patternOf(cond);
      return (v) => re.test(keywordText(v, field));
    }
    default:
      return undefined;
  }
}

function onlyKeywordAndText(field: ResolvedField, op: string): QueryError {
  return new QueryError(
    'ALERTSMITH_QUERY_VALUE',
    `a ${op} query on field "${field.name}" of type ${field.type}: Elasticsearch only runs ${op} queries on keyword and text fields`,
  );
}

/** Elasticsearch's fuzziness: AUTO is 0 edits up to 2 characters, 1 up to 5, else 2; at most 2. */
function fuzzyEdits(cond: Extract<FieldCondition, { op: 'fuzzy' }>): number {
  if (cond.fuzziness === '') {
    const length = [...cond.value].length;
    return length <= 2 ? 0 : length <= 5 ? 1 : 2;
  }
  const n = Number(cond.fuzziness);
  if (!Number.isFinite(n) || n < 0) throw new QueryError('ALERTSMITH_QUERY_VALUE', `the fuzziness ~${cond.fuzziness} of ${cond.value} is not a number of edits`);
  return Math.min(2, Math.floor(n));
}

/** Damerau-Levenshtein distance (adjacent transpositions) over code points, at most `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return false;
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]! <= max;
}

function patternOf(cond: Extract<FieldCondition, { op: 'wildcard' | 'prefix' | 'regexp' }>, lowercase = false): RegExp {
  const ci = cond.caseInsensitive ?? false;
  if (cond.op === 'regexp') return luceneRegExp(lowercase ? luceneLowerCase(cond.pattern) : cond.pattern, ci);
  if (cond.op === 'wildcard') return wildcardToRegExp(lowercase ? luceneLowerCase(cond.pattern) : cond.pattern, ci);
  const value = lowercase ? luceneLowerCase(cond.value) : cond.value;
  return wildcardToRegExp(`${value.replace(/[\\*?]/g, '\\$&')}*`, ci);
}

/** A keyword value as Elasticsearch indexes it: strings as they are, numbers and booleans as text. */
function keywordText(v: unknown, field: ResolvedField): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw badDocument(v, field);
}

function badDocument(v: unknown, field: ResolvedField, expected?: string): QueryError {
  return new QueryError(
    'ALERTSMITH_QUERY_VALUE',
    `event value ${JSON.stringify(v)} of ${field.type} field "${field.name}" would be rejected by Elasticsearch${expected ? `: expected ${expected}` : ''}`,
  );
}

function badQueryValue(v: unknown, field: ResolvedField, expected: string): QueryError {
  return new QueryError(
    'ALERTSMITH_QUERY_VALUE',
    `query value ${JSON.stringify(v)} for ${field.type} field "${field.name}" is not ${expected}: Elasticsearch would reject the query`,
  );
}

function equalsTest(field: ResolvedField, raw: unknown, ctx: ConditionContext, caseInsensitive: boolean): ValueTest | undefined {
  switch (field.kind) {
    case 'keyword': {
      const want = scalarText(raw, field);
      if (caseInsensitive) {
        const lower = asciiLowerCase(want);
        return (v) => asciiLowerCase(keywordText(v, field)) === lower;
      }
      return (v) => keywordText(v, field) === want;
    }
    case 'integer':
    case 'float': {
      const want = queryNumber(raw, field);
      if (field.kind === 'integer' && !Number.isInteger(want)) return undefined;
      return (v) => documentNumber(v, field) === want;
    }
    case 'date': {
      const text = scalarText(raw, field);
      // Elasticsearch turns a date term into the inclusive range [text, text], so a day matches the whole day.
      return rangeTest(field, { op: 'range', gte: text, lte: text }, ctx);
    }
    case 'ip': {
      const text = scalarText(raw, field);
      const cidr = parseCidr(text);
      if (cidr) return (v) => inRange(documentIp(v, field), cidr.low, cidr.high);
      const ip = parseIp(text);
      if (ip === undefined) throw badQueryValue(raw, field, 'an IP address or CIDR block');
      return (v) => documentIp(v, field) === ip;
    }
    case 'boolean': {
      const want = queryBoolean(raw, field);
      return (v) => documentBoolean(v, field) === want;
    }
    default:
      return undefined;
  }
}

function scalarText(raw: unknown, field: ResolvedField): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw badQueryValue(raw, field, 'a string, number or boolean');
}

/** Java's decimal syntax (BigDecimal): no hex, no spaces; floating types (Double) allow spaces around it. */
const JAVA_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function queryNumber(raw: unknown, field: ResolvedField): number {
  const text = typeof raw === 'string' ? (field.kind === 'float' ? raw.trim() : raw) : undefined;
  const n = typeof raw === 'number' ? raw : text !== undefined && JAVA_DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) throw badQueryValue(raw, field, 'a number');
  return n;
}

function documentNumber(v: unknown, field: ResolvedField): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw badDocument(v, field, 'a number');
  // Integer types keep the integer part of what they index (coerce).
  return field.kind === 'integer' ? Math.trunc(n) : n;
}

function documentIp(v: unknown, field: ResolvedField): bigint {
  const ip = typeof v === 'string' ? parseIp(v) : undefined;
  if (ip === undefined) throw badDocument(v, field, 'an IP address');
  return ip;
}

function queryBoolean(raw: unknown, field: ResolvedField): boolean {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw badQueryValue(raw, field, 'true or false');
}

function documentBoolean(v: unknown, field: ResolvedField): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false' || v === '') return false;
  throw badDocument(v, field, 'true or false');
}

function inRange(x: bigint, low: bigint, high: bigint): boolean {
  return x >= low && x <= high;
}

type Bounds<T> = { low?: T; lowInclusive: boolean; high?: T; highInclusive: boolean };

function boundsOf<T>(
  cond: Extract<FieldCondition, { op: 'range' }>,
  read: (raw: unknown, roundUp: boolean) => T,
): Bounds<T> {
  const open = (v: unknown): boolean => v === undefined || v === null || v === '*';
  const b: Bounds<T> = { lowInclusive: true, highInclusive: true };
  if (!open(cond.gte)) b.low = read(cond.gte, false);
  else if (!open(cond.gt)) {
    b.low = read(cond.gt, true);
    b.lowInclusive = false;
  }
  if (!open(cond.lte)) b.high = read(cond.lte, true);
  else if (!open(cond.lt)) {
    b.high = read(cond.lt, false);
    b.highInclusive = false;
  }
  return b;
}

function within<T extends string | number | bigint>(x: T, b: Bounds<T>): boolean {
  if (b.low !== undefined && (b.lowInclusive ? x < b.low : x <= b.low)) return false;
  if (b.high !== undefined && (b.highInclusive ? x > b.high : x >= b.high)) return false;
  return true;
}

function rangeTest(field: ResolvedField, cond: Extract<FieldCondition, { op: 'range' }>, ctx: ConditionContext): ValueTest {
  switch (field.kind) {
    case 'keyword': {
      const b = boundsOf(cond, (raw) => scalarText(raw, field));
      return (v) => within(keywordText(v, field), b);
    }
    case 'integer':
    case 'float': {
      const b = boundsOf(cond, (raw) => queryNumber(raw, field));
      return (v) => within(documentNumber(v, field), b);
    }
    case 'date': {
      // A whole number is read as its text, as Elasticsearch does: 1000 is the year 1000,
      // 1773133500000 epoch milliseconds. A fraction can only be milliseconds (OpenSearch reads 1.5 as 1).
      const b = boundsOf(cond, (raw, roundUp) =>
        typeof raw === 'number' && !Number.isInteger(raw) ? Math.trunc(raw) : resolveDateMath(scalarText(raw, field), ctx.now, roundUp, field.name),
      );
      return (v) => within(documentDate(v, field.name), b);
    }
    case 'ip': {
      const b = boundsOf(cond, (raw) => {
        const ip = parseIp(scalarText(raw, field));
        if (ip === undefined) throw badQueryValue(raw, field, 'an IP address');
        return ip;
      });
      return (v) => within(documentIp(v, field), b);
    }
    case 'boolean': {
      const b = boundsOf(cond, (raw) => Number(queryBoolean(raw, field)));
      return (v) => within(Number(documentBoolean(v, field)), b);
    }
    default:
      throw unsupported(`a range query on ${field.type} field "${field.name}"`);
  }
}

const tokenCache = new Map<string, string[]>();

function tokensOf(text: string): string[] {
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokens = analyzeStandard(text);
    tokenCache.set(text, tokens);
  }
  return tokens;
}

function textValue(v: unknown, field: ResolvedField): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw badDocument(v, field, 'text');
}

function textCondition(field: ResolvedField, cond: FieldCondition, ctx: ConditionContext): DocMatcher {
  const valuesOf = (doc: Record<string, unknown>): string[] => fieldValues(doc, field.source).map((v) => textValue(v, field));
  const anyToken = (doc: Record<string, unknown>, test: (t: string) => boolean): boolean =>
    valuesOf(doc).some((v) => tokensOf(v).some(test));
  switch (cond.op) {
    case 'term': {
      const want = scalarText(cond.value, field);
      const ci = cond.caseInsensitive ?? false;
      const lower = asciiLowerCase(want);
      return (doc) => anyToken(doc, ci ? (t) => asciiLowerCase(t) === lower : (t) => t === want);
    }
    case 'match': {
      // One optional clause per word of the query, repeated words included, as Lucene builds it.
      const wanted = tokensOf(cond.text);
      if (wanted.length === 0) return NEVER;
      // minimum_should_match only applies when the words make a boolean query (two or more).
      const need = cond.minimumShouldMatch && wanted.length > 1
        ? Math.max(1, cond.minimumShouldMatch(wanted.length))
        : cond.operator === 'AND'
          ? wanted.length
          : 1;
      if (need > wanted.length) return NEVER;
      return (doc) => {
        const have = new Set(valuesOf(doc).flatMap(tokensOf));
        let count = 0;
        for (const t of wanted) if (have.has(t)) count++;
        return count >= need;
      };
    }
    case 'phrase': {
      const wanted = tokensOf(cond.text);
      if (wanted.length === 0) return NEVER;
      const slop = cond.slop ?? 0;
      if (slop === 0 || wanted.length === 1) return (doc) => valuesOf(doc).some((v) => containsRun(tokensOf(v), wanted));
      if (new Set(wanted).size !== wanted.length) {
        throw unsupported(`the sloppy phrase "${cond.text}" with a repeated word on field "${field.name}"`, 'write it without the repeated word, or with slop 0');
      }
      return (doc) => valuesOf(doc).some((v) => withinSlop(tokensOf(v), wanted, slop));
    }
    case 'wildcard':
    case 'prefix':
    case 'regexp': {
      // Elasticsearch 7 and OpenSearch lowercase a query_string regexp too; Elasticsearch 8 does not.
      const lower = cond.op === 'regexp' ? cond.normalize === true && ctx.engine === 'opensearch' : cond.normalize;
      const re = patternOf(cond, lower);
      return (doc) => anyToken(doc, (t) => re.test(t));
    }
    case 'fuzzy': {
      const edits = fuzzyEdits(cond);
      const want = luceneLowerCase(cond.value);
      return (doc) => anyToken(doc, (t) => withinEdits(t, want, edits));
    }
    case 'range': {
      // A term range over the words; query_string lowercases the bounds first.
      const b = boundsOf(cond, (raw) => (cond.normalize ? luceneLowerCase(scalarText(raw, field)) : scalarText(raw, field)));
      return (doc) => anyToken(doc, (t) => within(t, b));
    }
    default:
      return NEVER;
  }
}

/**
 * Lucene's sloppy phrase for distinct words: some choice of a position for each word, each
 * position less the word's place in the phrase, spans at most `slop` ("b a" is 2 from "a b").
 */
function withinSlop(tokens: string[], words: string[], slop: number): boolean {
  const positions = words.map((w) => tokens.flatMap((t, i) => (t === w ? [i] : [])));
  if (positions.some((p) => p.length === 0)) return false;
  const search = (k: number, lo: number, hi: number): boolean => {
    if (hi - lo > slop) return false;
    if (k === words.length) return true;
    return positions[k]!.some((p) => search(k + 1, Math.min(lo, p - k), Math.max(hi, p - k)));
  };
  return search(0, Infinity, -Infinity);
}

function containsRun(tokens: string[], run: string[]): boolean {
  outer: for (let i = 0; i + run.length <= tokens.length; i++) {
    for (let j = 0; j < run.length; j++) if (tokens[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

export type { FieldKind };

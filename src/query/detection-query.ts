import type { SearchEngine } from '../define/schema/config.js';
import type { FieldType } from '../define/schema/field-types.js';
import { boolMatcher } from './bool-matcher.js';
import { constantKeywordValues } from './constant-keywords.js';
import type { DocMatcher } from './field-conditions.js';
import { FieldTypes } from './field-types.js';
import { compileDsl } from './query-dsl.js';
import { DEFAULT_SEARCH_ENGINE } from '../define/platform-defaults.js';

/** The parts of a definition that decide which documents reach its rule type. */
export interface DetectionFilter {
  /** Lucene `query_string`. */
  query?: string | undefined;
  /** Query DSL clauses. */
  filter?: readonly Record<string, unknown>[] | undefined;
  /** Non-ECS field types. */
  eventFields?: Readonly<Record<string, FieldType>> | undefined;
  /** blacklist / whitelist: ElastAlert adds a query for the list to the filter. */
  type?: string;
  compare_key?: unknown;
  blacklist?: readonly string[] | undefined;
  whitelist?: readonly string[] | undefined;
}

export interface CompileOptions {
  /** The fixed clock for date math (`now-15m`), epoch milliseconds. Never the wall clock. */
  now: number;
  /** Whose semantics to follow where the engines differ. @default 'elasticsearch' (Elasticsearch 8) */
  engine?: SearchEngine;
  /**
   * Every document of the index the detection searches (history first, as indexed). A
   * `constant_keyword` field without a value in the mapping takes the first value indexed, and
   * then every document of the index has it.
   */
  indexDocuments?: readonly Record<string, unknown>[];
}

/**
 * The detection's `filter` list as the compiler writes it into the rule: the Lucene query first,
 * as `{query: {query_string: ...}}`, then the DSL clauses. ElastAlert ANDs them.
 */
export function detectionClauses(def: DetectionFilter): Record<string, unknown>[] {
  const clauses: Record<string, unknown>[] = [];
  if (def.query !== undefined) clauses.push({ query: { query_string: { query: def.query } } });
  if (def.filter) clauses.push(...def.filter);
  return clauses;
}

/**
 * The documents ElastAlert's search would return for a detection: its filter list (the Lucene
 * query as `query_string`, then the DSL clauses, then the list query ElastAlert's `enhance_filter`
 * adds to blacklist and whitelist rules) ANDed, as the compiler writes it. Throws a
 * QueryError naming the first construct it cannot evaluate.
 */
export function compileDetectionFilter(def: DetectionFilter, opts: CompileOptions): DocMatcher {
  const fields = new FieldTypes(def.eventFields);
  const ctx = {
    now: opts.now,
    fields,
    engine: opts.engine ?? DEFAULT_SEARCH_ENGINE,
    constants: constantKeywordValues(fields, opts.indexDocuments ?? []),
  };
  const matchers: DocMatcher[] = [];
  const offset = def.query !== undefined ? 1 : 0;
  detectionClauses(def).forEach((clause, i) =>
    matchers.push(i < offset ? compileDsl(clause.query, ctx, 'query') : compileDsl(clause, ctx, `filter[${i - offset}]`, true)),
  );
  // Not in the rule file: ElastAlert adds it to the query of blacklist and whitelist rules.
  const list = listFilterQuery(def);
  if (list !== undefined) matchers.push(compileDsl({ query_string: { query: list } }, ctx, `the ${def.type} query ElastAlert adds`));
  return boolMatcher({ must: [], filter: matchers, should: [], mustNot: [] });
}

/**
 * ElastAlert's `enhance_filter` for blacklist and whitelist rules: `k:"a" OR k:"b"`, or
 * `NOT k:"a" AND NOT k:"b"`; an entry written `/.../` goes in unquoted, as a regular expression.
 */
/** One blacklist or whitelist entry as ElastAlert writes it into the query: quoted as written, or a `/regex/`. */
export function listEntryClause(compareKey: string, entry: string): string {
  return entry.startsWith('/') && entry.endsWith('/') ? `${compareKey}:${entry}` : `${compareKey}:"${entry}"`;
}

export function listFilterQuery(def: DetectionFilter): string | undefined {
  const entries = def.type === 'blacklist' ? def.blacklist : def.type === 'whitelist' ? def.whitelist : undefined;
  if (entries === undefined || typeof def.compare_key !== 'string') return undefined;
  const terms = entries.map((t) => listEntryClause(def.compare_key as string, t));
  return def.type === 'whitelist' ? `NOT ${terms.join(' AND NOT ')}` : terms.join(' OR ');
}

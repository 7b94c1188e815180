import type { FieldType } from '../define/schema/field-types.js';
import { boolMatcher } from './bool-matcher.js';
import type { DocMatcher } from './field-conditions.js';
import { FieldTypes } from './field-types.js';
import { compileDsl } from './query-dsl.js';

/** The parts of a definition that decide which documents reach its rule type. */
export interface DetectionFilter {
  /** Lucene `query_string`. */
  query?: string | undefined;
  /** Query DSL clauses. */
  filter?: readonly Record<string, unknown>[] | undefined;
  /** Non-ECS field types. */
  eventFields?: Readonly<Record<string, FieldType>> | undefined;
}

export interface CompileOptions {
  /** The fixed clock for date math (`now-15m`), epoch milliseconds. Never the wall clock. */
  now: number;
}

/**
 * The documents ElastAlert's search would return for a detection: its filter list (the Lucene
 * query as `query_string`, then the DSL clauses) ANDed, as the compiler writes it. Throws a
 * QueryError naming the first construct it cannot evaluate.
 */
export function compileDetectionFilter(def: DetectionFilter, opts: CompileOptions): DocMatcher {
  const ctx = { now: opts.now, fields: new FieldTypes(def.eventFields) };
  const matchers: DocMatcher[] = [];
  if (def.query !== undefined) matchers.push(compileDsl({ query_string: { query: def.query } }, ctx, 'query'));
  (def.filter ?? []).forEach((clause, i) => matchers.push(compileDsl(clause, ctx, `filter[${i}]`)));
  return boolMatcher({ must: [], filter: matchers, should: [], mustNot: [] });
}

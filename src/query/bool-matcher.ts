import type { DocMatcher } from './field-conditions.js';

export interface BoolClauses {
  must: DocMatcher[];
  filter: DocMatcher[];
  should: DocMatcher[];
  mustNot: DocMatcher[];
  /** How many `should` clauses must match; undefined: Elasticsearch's default. */
  minimumShouldMatch?: number;
}

export const MATCH_ALL: DocMatcher = () => true;
export const MATCH_NONE: DocMatcher = () => false;

/**
 * A boolean query with Elasticsearch's rules: every must/filter, no must_not, and at least
 * `minimumShouldMatch` should clauses, which defaults to 1 when there is no must/filter clause
 * and 0 otherwise. A query of only must_not clauses matches every other document (Elasticsearch
 * adds a match_all to purely negative queries, query_string groups included).
 */
export function boolMatcher(c: BoolClauses): DocMatcher {
  const required = [...c.must, ...c.filter];
  const { should, mustNot } = c;
  // A bool query without clauses is a match_all, whatever its minimum_should_match.
  if (required.length + should.length + mustNot.length === 0) return MATCH_ALL;
  // Without a required clause, Lucene needs at least one should clause, whatever minimum_should_match says.
  const floor = required.length === 0 && should.length > 0 ? 1 : 0;
  const min = Math.max(c.minimumShouldMatch ?? floor, floor);
  if (min > should.length) return MATCH_NONE;
  return (doc) => {
    for (const m of required) if (!m(doc)) return false;
    for (const m of mustNot) if (m(doc)) return false;
    if (min === 0) return true;
    let count = 0;
    for (const m of should) if (m(doc) && ++count >= min) return true;
    return false;
  };
}

/**
 * Elasticsearch's `minimum_should_match` for a number of optional clauses: an integer, a
 * percentage (rounded down), negative forms counting from the total. Combinations (`3<90%`) are
 * not evaluated.
 */
export function resolveMinimumShouldMatch(spec: unknown, optional: number): number | undefined {
  if (spec === undefined || spec === null) return undefined;
  const text = String(spec).trim();
  let n: number;
  const pct = /^(-?\d+)%$/.exec(text);
  if (pct) {
    const p = Number(pct[1]);
    const part = Math.floor((optional * Math.abs(p)) / 100);
    n = p < 0 ? optional - part : part;
  } else if (/^-?\d+$/.test(text)) {
    const k = Number(text);
    n = k < 0 ? optional + k : k;
  } else {
    return Number.NaN;
  }
  // Not capped at the number of optional clauses: asking for more than there are matches nothing.
  return Math.max(0, n);
}

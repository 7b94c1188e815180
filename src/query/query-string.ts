import { boolMatcher, MATCH_ALL, MATCH_NONE } from './bool-matcher.js';
import { leafPaths } from './document-values.js';
import { fieldCondition, type ConditionContext, type DocMatcher, type FieldCondition } from './field-conditions.js';
import type { FieldTypes, ResolvedField } from './field-types.js';
import { parseLucene, type LuceneLeaf, type LuceneNode } from './lucene-syntax.js';
import { QueryError } from './query-error.js';
import { hasWildcard, unescapeQueryText, wildcardToRegExp } from './text-patterns.js';

/** The options of a `query_string` query that the evaluator follows. */
export interface QueryStringOptions {
  query: string;
  /** Fields for terms without one: names or patterns. @default ['*'] (every field, leniently) */
  defaultFields?: string[];
  /** @default 'OR' */
  defaultOperator?: 'OR' | 'AND';
  /**
   * Ignore values a field's type cannot take instead of failing.
   * @default true when the default fields are `*` (Elasticsearch's rule), else false
   */
  lenient?: boolean;
  /** @default true */
  allowLeadingWildcard?: boolean;
}

export interface QueryContext extends ConditionContext {
  fields: FieldTypes;
}

/** Compiles a `query_string` query into a matcher with Elasticsearch's semantics. */
export function compileQueryString(opts: QueryStringOptions, ctx: QueryContext): DocMatcher {
  const operator = opts.defaultOperator ?? 'OR';
  const ast = parseLucene(opts.query, operator);
  if (ast === undefined) return MATCH_NONE;
  const lenient = opts.lenient ?? (opts.defaultFields ?? ['*']).includes('*');
  const compiler = new QueryStringCompiler({ ...opts, lenient }, operator, ctx);
  return compiler.node(ast);
}

class QueryStringCompiler {
  constructor(
    private readonly opts: QueryStringOptions,
    private readonly operator: 'OR' | 'AND',
    private readonly ctx: QueryContext,
  ) {}

  node(n: LuceneNode): DocMatcher {
    if (n.kind === 'bool') {
      return boolMatcher({
        must: n.clauses.filter((c) => c.occur === 'must').map((c) => this.node(c.node)),
        filter: [],
        should: n.clauses.filter((c) => c.occur === 'should').map((c) => this.node(c.node)),
        mustNot: n.clauses.filter((c) => c.occur === 'must_not').map((c) => this.node(c.node)),
      });
    }
    const field = n.field;
    if (field === '_exists_') {
      if (n.kind === 'phrase') return this.onFields([n.text], { op: 'exists' });
      // Only a term or phrase is read as exists. An unescaped pattern, a fuzzy term, a /regexp/ or a
      // range is that query on a field named _exists_: nothing has it.
      if (n.kind !== 'term' || n.fuzzy || hasWildcard(n.raw)) return MATCH_NONE;
      return this.onFields([unescapeQueryText(n.raw)], { op: 'exists' });
    }
    const targets = field === undefined ? (this.opts.defaultFields ?? ['*']) : [field];
    return this.onFields(targets, this.conditionOf(n));
  }

  private conditionOf(n: LuceneLeaf): FieldCondition {
    return leafCondition(n, this.operator, this.opts.allowLeadingWildcard ?? true);
  }

  /** One condition over several fields: a match on any of them (Elasticsearch's dis_max). */
  onFields(targets: string[], cond: FieldCondition): DocMatcher {
    if (targets.includes('*') && cond.op === 'exists' && targets.length === 1) return MATCH_ALL;
    const matchers = targets.map((t) => (t.includes('*') ? this.patternField(t, cond) : this.namedField(t, cond)));
    if (matchers.length === 1) return matchers[0]!;
    return (doc) => matchers.some((m) => m(doc));
  }

  private namedField(name: string, cond: FieldCondition): DocMatcher {
    // exists does not depend on the type, and may name an object (`_exists_:host`).
    const field =
      cond.op === 'exists'
        ? (this.ctx.fields.find(name) ?? { name, source: name, type: 'object', kind: 'object' as const })
        : this.ctx.fields.require(name);
    return this.build(field, cond, this.opts.lenient ?? false);
  }

  /**
   * Lenient: a value the field's type cannot take matches nothing there, as Elasticsearch skips
   * it. What the evaluator itself does not support is never silently skipped.
   */
  private build(field: ResolvedField, cond: FieldCondition, lenient: boolean): DocMatcher {
    if (!lenient) return fieldCondition(field, cond, this.ctx);
    try {
      return fieldCondition(field, cond, this.ctx);
    } catch (e) {
      // A regular expression that does not parse is one more value the engine skips leniently.
      if (e instanceof QueryError && (e.code === 'ALERTSMITH_QUERY_VALUE' || (e.code === 'ALERTSMITH_QUERY_SYNTAX' && cond.op === 'regexp'))) {
        return MATCH_NONE;
      }
      throw e;
    }
  }

  /**
   * A field pattern (`*`, `host.*`): the document's own fields that fit it, with their
   * multi-fields. `*` is Elasticsearch's all-fields mode, which is lenient and skips metadata
   * fields (`_id`, `_index`).
   */
  private patternField(pattern: string, cond: FieldCondition): DocMatcher {
    const all = pattern === '*';
    const re = all ? undefined : wildcardToRegExp(pattern);
    const lenient = this.opts.lenient ?? false;
    const cache = new Map<string, DocMatcher>();
    // constant_keyword fields hold their value in every document of the index, _source or not.
    const constants = [...(this.ctx.constants?.keys() ?? [])];
    return (doc) => {
      for (const source of [...leafPaths(doc), ...constants]) {
        if (source.startsWith('_')) continue;
        for (const name of [source, ...this.ctx.fields.subfieldsOf(source)]) {
          if (re && !re.test(name)) continue;
          let m = cache.get(name);
          if (m === undefined) {
            const field = this.ctx.fields.require(name);
            // Field patterns skip what cannot be searched as text (objects, geo points); `*` skips
            // them for exists too, other patterns do not (`source.geo.\*:*` finds a geo point).
            const skip = (all || cond.op !== 'exists') && (field.kind === 'object' || field.kind === 'unsearchable');
            m = skip ? MATCH_NONE : this.build(field, cond, lenient);
            cache.set(name, m);
          }
          if (m(doc)) return true;
        }
      }
      return false;
    };
  }
}

/**
 * One condition on several fields, names or patterns (`*`: every field of the document), a match
 * on any of them, as query_string and multi_match search their fields.
 */
export function conditionOnFields(
  targets: string[],
  cond: FieldCondition,
  ctx: QueryContext,
  opts: { lenient: boolean },
): DocMatcher {
  return new QueryStringCompiler({ query: '', lenient: opts.lenient }, 'OR', ctx).onFields(targets, cond);
}

/** What one leaf clause of a query_string asks of each field it searches. */
export function leafCondition(n: LuceneLeaf, operator: 'OR' | 'AND', allowLeadingWildcard = true): FieldCondition {
  switch (n.kind) {
    case 'term': {
      const raw = n.raw;
      if (n.fuzzy) return { op: 'fuzzy', value: unescapeQueryText(raw), fuzziness: n.fuzziness ?? '' };
      if (raw === '*') return { op: 'exists' };
      if (hasWildcard(raw)) {
        if (!allowLeadingWildcard && /^[*?]/.test(raw)) {
          throw new QueryError('ALERTSMITH_QUERY_SYNTAX', `the leading wildcard in ${raw} is not allowed (allow_leading_wildcard is false)`);
        }
        return { op: 'wildcard', pattern: raw, normalize: true };
      }
      const text = unescapeQueryText(raw);
      // Elasticsearch reads >=10, >10, <=10, <10 as one-sided ranges, on the default fields too;
      // words joined into one text (`(>4624 4625)`) are one bound, `4624 4625`.
      const cmp = /^(>=|<=|>|<)([^]+)$/.exec(raw);
      if (cmp) {
        const bound = unescapeQueryText(cmp[2]!);
        const op = cmp[1] === '>=' ? 'gte' : cmp[1] === '>' ? 'gt' : cmp[1] === '<=' ? 'lte' : 'lt';
        return { op: 'range', [op]: bound, normalize: true };
      }
      return { op: 'match', text, operator };
    }
    case 'phrase':
      return { op: 'phrase', text: n.text, slop: n.slop };
    case 'regexp':
      return { op: 'regexp', pattern: n.pattern, normalize: true };
    case 'range': {
      const c: FieldCondition = { op: 'range', normalize: true };
      if (n.lower !== undefined) c[n.includeLower ? 'gte' : 'gt'] = n.lower;
      if (n.upper !== undefined) c[n.includeUpper ? 'lte' : 'lt'] = n.upper;
      return c;
    }
  }
}

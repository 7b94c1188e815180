import { isRecord } from '../incident/field-lookup.js';
import { boolMatcher, MATCH_ALL, MATCH_NONE, resolveMinimumShouldMatch } from './bool-matcher.js';
import { checkTimeZone } from './date-values.js';
import { fieldCondition, type DocMatcher, type FieldCondition } from './field-conditions.js';
import { QueryError, unsupported } from './query-error.js';
import { compileQueryString, conditionOnFields, type QueryContext } from './query-string.js';

/**
 * Compiles an Elasticsearch query DSL clause: bool (must, filter, should, must_not,
 * minimum_should_match), term, terms, match, match_phrase, range, exists, wildcard, prefix,
 * regexp, query_string, match_all, match_none, constant_score. Anything else is an error that
 * names the clause; so is an option of a known clause the evaluator does not follow.
 */
export function compileDsl(clause: unknown, ctx: QueryContext, path = 'filter', topLevel = false): DocMatcher {
  if (!isRecord(clause)) throw invalid(path, 'a query clause is an object such as { term: { field: value } }');
  const keys = Object.keys(clause);
  if (keys.length !== 1) {
    throw invalid(path, `a query clause has exactly one key (the query type); got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  }
  const type = keys[0]!;
  const body = clause[type];
  const at = `${path}.${type}`;
  switch (type) {
    case 'query':
      // ElastAlert unwraps { query: X } at the top of the filter list; anywhere else Elasticsearch rejects it.
      if (!topLevel) throw invalid(at, 'a { query: ... } wrapper is only unwrapped at the top of the filter list: write the clause itself here');
      return compileDsl(body, ctx, at);
    case 'bool':
      return compileBool(body, ctx, at);
    case 'constant_score': {
      const o = options(body, at, ['filter', 'boost', '_name']);
      return compileDsl(o.filter, ctx, `${at}.filter`);
    }
    case 'match_all':
      options(body ?? {}, at, ['boost', '_name']);
      return MATCH_ALL;
    case 'match_none':
      options(body ?? {}, at, ['_name']);
      return MATCH_NONE;
    case 'exists': {
      const o = options(body, at, ['field', 'boost', '_name']);
      if (typeof o.field !== 'string') throw invalid(at, 'exists takes { field: "name" }');
      const name = o.field;
      const f = ctx.fields.find(name) ?? { name, source: name, type: 'object', kind: 'object' as const };
      return fieldCondition(f, { op: 'exists' }, ctx);
    }
    case 'term':
      return singleField(body, at, ctx, 'value', ['value', 'boost', 'case_insensitive', '_name'], (v, o) => ({
        op: 'term',
        value: v,
        caseInsensitive: o.case_insensitive === true,
      }));
    case 'terms': {
      const o = options(body, at, null);
      const fields = Object.keys(o).filter((k) => k !== 'boost' && k !== '_name');
      if (fields.length !== 1) throw invalid(at, 'terms takes one field: { terms: { field: [values] } }');
      const name = fields[0]!;
      const values = o[name];
      if (!Array.isArray(values)) throw unsupported(`${at}.${name} (a terms lookup)`, 'list the values: { terms: { field: [a, b] } }');
      const field = ctx.fields.require(name);
      const ms = values.map((v) => fieldCondition(field, { op: 'term', value: v }, ctx));
      return (doc) => ms.some((m) => m(doc));
    }
    case 'match':
      return singleField(body, at, ctx, 'query', ['query', 'operator', 'minimum_should_match', 'boost', '_name', 'analyzer', 'lenient', 'zero_terms_query', 'auto_generate_synonyms_phrase_query'], (v, o) => {
        checkMatchOptions(o, at);
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw invalid(at, 'match takes a string, number or boolean');
        return matchCondition(String(v), o, at);
      });
    case 'multi_match':
      return compileMultiMatch(body, at, ctx);
    case 'match_phrase':
      return singleField(body, at, ctx, 'query', ['query', 'slop', 'boost', '_name', 'analyzer'], (v, o) => {
        if (o.slop !== undefined && !(Number.isInteger(o.slop) && (o.slop as number) >= 0)) throw invalid(at, 'slop is a whole number of positions');
        if (o.analyzer !== undefined && o.analyzer !== 'standard') throw unsupported(`${at} with analyzer ${JSON.stringify(o.analyzer)}`);
        return { op: 'phrase', text: String(v), slop: (o.slop as number | undefined) ?? 0 };
      });
    case 'wildcard':
      return singleField(body, at, ctx, 'value', ['value', 'wildcard', 'boost', 'case_insensitive', 'rewrite', '_name'], (v, o) => ({
        op: 'wildcard',
        pattern: text(o.wildcard ?? v, at),
        normalize: false,
        caseInsensitive: o.case_insensitive === true,
      }));
    case 'prefix':
      return singleField(body, at, ctx, 'value', ['value', 'boost', 'case_insensitive', 'rewrite', '_name'], (v, o) => ({
        op: 'prefix',
        value: text(v, at),
        normalize: false,
        caseInsensitive: o.case_insensitive === true,
      }));
    case 'regexp':
      return singleField(body, at, ctx, 'value', ['value', 'flags', 'boost', 'case_insensitive', 'max_determinized_states', 'rewrite', '_name'], (v, o) => {
        if (o.flags !== undefined && o.flags !== 'ALL') throw unsupported(`${at} with flags ${JSON.stringify(o.flags)}`);
        return { op: 'regexp', pattern: text(v, at), caseInsensitive: o.case_insensitive === true };
      });
    case 'range':
      return compileRange(body, at, ctx);
    case 'query_string':
      return compileQueryStringClause(body, at, ctx);
    default:
      throw unsupported(`the query clause "${type}" (at ${at})`, 'use bool, term, terms, match, multi_match, match_phrase, range, exists, wildcard, prefix, regexp or query_string');
  }
}

function invalid(at: string, what: string): QueryError {
  return new QueryError('ALERTSMITH_QUERY_SYNTAX', `${at}: ${what}`);
}

function text(v: unknown, at: string): string {
  if (typeof v !== 'string') throw invalid(at, 'the value must be a string');
  return v;
}

/** The body as an object, refusing options outside `allowed` (null: any). */
function options(body: unknown, at: string, allowed: string[] | null): Record<string, unknown> {
  if (!isRecord(body)) throw invalid(at, 'expected an object');
  if (allowed) {
    for (const k of Object.keys(body)) {
      if (!allowed.includes(k)) throw unsupported(`the option "${k}" of ${at}`);
    }
  }
  return body;
}

/** `{ field: value }` or `{ field: { <valueKey>: value, ...options } }`. */
function singleField(
  body: unknown,
  at: string,
  ctx: QueryContext,
  valueKey: string,
  allowed: string[],
  toCondition: (value: unknown, opts: Record<string, unknown>) => FieldCondition,
): DocMatcher {
  const o = options(body, at, null);
  const names = Object.keys(o);
  if (names.length !== 1) throw invalid(at, `takes exactly one field; got ${names.length === 0 ? 'none' : names.join(', ')}`);
  const name = names[0]!;
  const spec = o[name];
  let value: unknown = spec;
  let opts: Record<string, unknown> = {};
  if (isRecord(spec)) {
    opts = options(spec, `${at}.${name}`, allowed);
    value = opts[valueKey] ?? (valueKey === 'value' ? opts.wildcard : undefined);
    if (value === undefined) throw invalid(`${at}.${name}`, `missing "${valueKey}"`);
  }
  const cond = toCondition(value, opts);
  return fieldCondition(ctx.fields.require(name), cond, ctx);
}

function compileRange(body: unknown, at: string, ctx: QueryContext): DocMatcher {
  const o = options(body, at, null);
  const names = Object.keys(o);
  if (names.length !== 1) throw invalid(at, 'range takes exactly one field');
  const name = names[0]!;
  const spec = options(o[name], `${at}.${name}`, ['gt', 'gte', 'lt', 'lte', 'from', 'to', 'include_lower', 'include_upper', 'format', 'time_zone', 'relation', 'boost', '_name']);
  if (spec.format !== undefined) throw unsupported(`the format option of ${at}.${name}`, 'write dates as ISO 8601 or epoch milliseconds');
  checkTimeZone(spec.time_zone);
  if (spec.relation !== undefined && spec.relation !== 'intersects') throw unsupported(`relation ${JSON.stringify(spec.relation)} of ${at}.${name}`);
  const cond: FieldCondition = { op: 'range' };
  for (const k of ['gt', 'gte', 'lt', 'lte'] as const) if (spec[k] !== undefined && spec[k] !== null) cond[k] = spec[k];
  // The older from/to form, inclusive unless include_lower/include_upper say otherwise.
  if (spec.from !== undefined && spec.from !== null) cond[spec.include_lower === false ? 'gt' : 'gte'] = spec.from;
  if (spec.to !== undefined && spec.to !== null) cond[spec.include_upper === false ? 'lt' : 'lte'] = spec.to;
  return fieldCondition(ctx.fields.require(name), cond, ctx);
}

/**
 * multi_match of type best_fields (the default), most_fields or phrase: the match (or
 * match_phrase) query on each field, a document matching when one field does. Without `fields`,
 * Elasticsearch's default field `*`, leniently.
 */
function compileMultiMatch(body: unknown, at: string, ctx: QueryContext): DocMatcher {
  const o = options(body, at, [
    'query', 'fields', 'type', 'operator', 'minimum_should_match', 'lenient', 'boost', '_name', 'tie_breaker', 'analyzer',
    'zero_terms_query', 'auto_generate_synonyms_phrase_query', 'slop',
  ]);
  if (typeof o.query !== 'string' && typeof o.query !== 'number' && typeof o.query !== 'boolean') throw invalid(at, 'multi_match takes { query: "...", fields: [...] }');
  const type = o.type ?? 'best_fields';
  if (type !== 'best_fields' && type !== 'most_fields' && type !== 'phrase') {
    throw unsupported(`multi_match of type ${JSON.stringify(type)} (at ${at})`, 'use best_fields, most_fields or phrase');
  }
  checkMatchOptions(o, at);
  if (o.slop !== undefined && o.slop !== 0) throw unsupported(`${at} with slop ${JSON.stringify(o.slop)}`);
  let fields = ['*'];
  if (o.fields !== undefined) {
    if (!Array.isArray(o.fields) || !o.fields.every((f) => typeof f === 'string')) throw invalid(at, 'fields is a list of field names');
    fields = o.fields.map((f: string) => f.replace(/\^[\d.]+$/, ''));
  }
  const text = String(o.query);
  // A phrase has no use for the operator, but a wrong one is refused all the same.
  const cond: FieldCondition = type === 'phrase' ? (matchOperator(o, at), { op: 'phrase', text }) : matchCondition(text, o, at);
  const lenient = typeof o.lenient === 'boolean' ? o.lenient : fields.includes('*');
  return conditionOnFields(fields, cond, ctx, { lenient });
}

/** Options of match and multi_match that change the analysis: only the defaults are evaluated. */
function checkMatchOptions(o: Record<string, unknown>, at: string): void {
  if (o.analyzer !== undefined && o.analyzer !== 'standard') throw unsupported(`${at} with analyzer ${JSON.stringify(o.analyzer)}`);
  if (o.zero_terms_query !== undefined && o.zero_terms_query !== 'none') throw unsupported(`${at} with zero_terms_query ${JSON.stringify(o.zero_terms_query)}`);
}

/** The match condition of match and multi_match: `operator` and `minimum_should_match` read once, here. */
function matchCondition(text: string, o: Record<string, unknown>, at: string): FieldCondition {
  const cond: FieldCondition = { op: 'match', text, operator: matchOperator(o, at) };
  const spec = o.minimum_should_match;
  if (spec !== undefined) {
    if (Number.isNaN(resolveMinimumShouldMatch(spec, 1))) throw unsupported(`minimum_should_match ${JSON.stringify(spec)} of ${at}`);
    cond.minimumShouldMatch = (n) => resolveMinimumShouldMatch(spec, n) ?? 1;
  }
  return cond;
}

function matchOperator(o: Record<string, unknown>, at: string): 'OR' | 'AND' {
  const operator = String(o.operator ?? 'or').toUpperCase();
  if (operator !== 'OR' && operator !== 'AND') throw invalid(at, 'operator is "or" or "and"');
  return operator;
}

function compileQueryStringClause(body: unknown, at: string, ctx: QueryContext): DocMatcher {
  const o = options(body, at, [
    'query', 'default_field', 'fields', 'default_operator', 'lenient', 'analyze_wildcard', 'allow_leading_wildcard',
    'time_zone', 'boost', '_name', 'auto_generate_synonyms_phrase_query', 'phrase_slop',
  ]);
  if (typeof o.query !== 'string') throw invalid(at, 'query_string takes { query: "..." }');
  if (o.analyze_wildcard === true) throw unsupported(`analyze_wildcard: true of ${at}`);
  if (o.phrase_slop !== undefined && o.phrase_slop !== 0) throw unsupported(`phrase_slop of ${at}`);
  checkTimeZone(o.time_zone);
  let defaultFields: string[] | undefined;
  if (o.fields !== undefined) {
    if (!Array.isArray(o.fields) || !o.fields.every((f) => typeof f === 'string')) throw invalid(at, 'fields is a list of field names');
    // A per-field boost (`title^2`) does not change what matches.
    defaultFields = o.fields.map((f: string) => f.replace(/\^[\d.]+$/, ''));
  } else if (o.default_field !== undefined) {
    if (typeof o.default_field !== 'string') throw invalid(at, 'default_field is a field name');
    defaultFields = [o.default_field];
  }
  const op = String(o.default_operator ?? 'OR').toUpperCase();
  if (op !== 'OR' && op !== 'AND') throw invalid(at, 'default_operator is OR or AND');
  return compileQueryString(
    {
      query: o.query,
      ...(defaultFields ? { defaultFields } : {}),
      defaultOperator: op,
      ...(typeof o.lenient === 'boolean' ? { lenient: o.lenient } : {}),
      allowLeadingWildcard: o.allow_leading_wildcard !== false,
    },
    ctx,
  );
}

function compileBool(body: unknown, ctx: QueryContext, at: string): DocMatcher {
  const o = options(body, at, ['must', 'filter', 'should', 'must_not', 'minimum_should_match', 'boost', '_name']);
  const list = (key: string): DocMatcher[] => {
    const v = o[key];
    if (v === undefined) return [];
    const items = Array.isArray(v) ? v : [v];
    return items.map((c, i) => compileDsl(c, ctx, Array.isArray(v) ? `${at}.${key}[${i}]` : `${at}.${key}`));
  };
  const should = list('should');
  const min = resolveMinimumShouldMatch(o.minimum_should_match, should.length);
  if (Number.isNaN(min)) throw unsupported(`minimum_should_match ${JSON.stringify(o.minimum_should_match)} of ${at}`, 'use an integer or a percentage');
  return boolMatcher({
    must: list('must'),
    filter: list('filter'),
    should,
    mustNot: list('must_not'),
    ...(min !== undefined ? { minimumShouldMatch: min } : {}),
  });
}

import { FieldSet, ownFieldsOf, projectDocumentFields } from '../../check/field-set.js';
import { analyseQuery } from '../../check/lucene-query.js';
import type { FieldType } from '../../define/schema/field-types.js';
import { isRecord } from '../../incident/field-lookup.js';
import { parseTemplate, FIELD_PATH_PATTERN } from '../../incident/template.js';

/** Query DSL leaf queries whose object keys are field names. */
const FIELD_KEYED_QUERIES = new Set(['term', 'terms', 'match', 'match_phrase', 'match_phrase_prefix', 'match_bool_prefix', 'prefix', 'wildcard', 'regexp', 'fuzzy', 'range']);
/** Keys of those queries that are parameters, not fields. */
const QUERY_PARAMETERS = new Set(['boost', '_name', 'minimum_should_match']);
const NUMERIC_AGGREGATIONS = new Set(['min', 'max', 'avg', 'sum', 'percentiles']);
const DOCUMENT_FIELD_OPTIONS = ['query_key', 'compare_key', 'cardinality_field', 'metric_agg_key', 'field_value', 'timestamp_field'];

let ecsOnly: ReadonlySet<string> | undefined;

/**
 * The fields a draft definition names that are neither ECS nor added by its rule type, each with
 * the Elasticsearch type its use shows: a range over numbers is `long` (or `double`), over dates
 * `date`; everything else `keyword`. Field names are collected as `alertsmith check` reads them
 * (the query through the same Lucene parser) plus the DSL clauses' fields.
 */
export function inferEventFields(definition: Record<string, unknown>): Record<string, FieldType> {
  ecsOnly ??= projectDocumentFields(new Set());
  const fields = new FieldSet(ownFieldsOf({ ...definition, eventFields: {} }), ecsOnly);
  const found = new Map<string, FieldType>();
  const add = (name: unknown, type: FieldType = 'keyword', matchField = false): void => {
    if (typeof name !== 'string' || !FIELD_PATH_PATTERN.test(name) || name.includes('*')) return;
    if (name === '_id' || name === '_index') return;
    if (matchField ? fields.hasMatchField(name) : fields.hasDocumentField(name)) return;
    const known = found.get(name);
    if (known === undefined || known === 'keyword') found.set(name, type);
  };
  if (typeof definition.query === 'string') queryFields(definition.query).forEach((f) => add(f));
  if (Array.isArray(definition.filter)) dslFields(definition.filter, add);
  if (definition.type === 'percentage_match' && Array.isArray(definition.match_bucket_filter)) dslFields(definition.match_bucket_filter, add);
  for (const option of DOCUMENT_FIELD_OPTIONS) {
    const value = definition[option];
    for (const name of Array.isArray(value) ? value : [value]) add(name, optionFieldType(option, definition.metric_agg_type));
  }
  if (Array.isArray(definition.fields)) for (const f of definition.fields.flat()) add(f);
  const xsoar = isRecord(definition.xsoar) ? definition.xsoar : {};
  if (Array.isArray(xsoar.labels)) for (const l of xsoar.labels) add(l, 'keyword', true);
  const templates = [xsoar.name, xsoar.details, ...Object.values(isRecord(xsoar.customFields) ? xsoar.customFields : {})];
  for (const t of templates) {
    if (typeof t !== 'string') continue;
    for (const segment of parseTemplate(t)) if ('field' in segment) add(segment.field, 'keyword', true);
  }
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A timestamp field is a date; the field of a numeric metric (avg, sum, ...) a double. */
function optionFieldType(option: string, aggType: unknown): FieldType {
  if (option === 'timestamp_field') return 'date';
  if (option === 'metric_agg_key' && typeof aggType === 'string' && NUMERIC_AGGREGATIONS.has(aggType)) return 'double';
  return 'keyword';
}

function queryFields(query: string): string[] {
  const analysis = analyseQuery(query);
  return analysis.ok ? analysis.fields.map((f) => f.name) : [];
}

function dslFields(value: unknown, add: (name: string, type?: FieldType) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) dslFields(v, add);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (FIELD_KEYED_QUERIES.has(key) && isRecord(inner)) {
      for (const [field, condition] of Object.entries(inner)) {
        if (!QUERY_PARAMETERS.has(field)) add(field, key === 'range' ? rangeType(condition) : 'keyword');
      }
    } else if (key === 'exists' && isRecord(inner)) add(inner.field as string);
    else if (key === 'query_string' && isRecord(inner) && typeof inner.query === 'string') queryFields(inner.query).forEach((f) => add(f));
    else dslFields(inner, add);
  }
}

/** A range's bounds tell its field's type: numbers, or date text (`now-5m`, `2026-01-01`). */
function rangeType(condition: unknown): FieldType {
  if (!isRecord(condition)) return 'keyword';
  const bounds = ['gt', 'gte', 'lt', 'lte', 'from', 'to'].map((k) => condition[k]).filter((b) => b !== undefined && b !== null);
  if (bounds.length === 0) return 'keyword';
  if (bounds.every((b) => typeof b === 'number')) return bounds.every((b) => Number.isInteger(b)) ? 'long' : 'double';
  if (bounds.every((b) => typeof b === 'string' && /^(now|\d{4}-\d{2}-\d{2})/.test(b))) return 'date';
  return 'keyword';
}

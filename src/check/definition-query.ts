import type { FieldType } from '../define/schema/field-types.js';
import { FIELD_TYPES } from '../define/schema/field-types.js';
import { FieldTypes } from '../query/field-types.js';
import { luceneLeaves, type LuceneLeaf } from '../query/lucene-syntax.js';
import { analyseQuery } from './lucene-query.js';
import type { DefinitionSource } from './definition-source.js';
import { propertyAt, type StaticString } from './static-value.js';

/**
 * A definition's Lucene `query` as the offline evaluator reads it: its leaf clauses (from the
 * evaluator's own parser) and the field types it would search with (ECS, then `eventFields`).
 * Undefined when the query is not a literal or does not parse (`lucene-syntax` reports that).
 */
export interface DefinitionQuery {
  literal: StaticString;
  leaves: LuceneLeaf[];
  types: FieldTypes;
}

/** Three rules read each definition's query: parse it once. */
const parsed = new WeakMap<DefinitionSource, DefinitionQuery | undefined>();

export function definitionQuery(source: DefinitionSource): DefinitionQuery | undefined {
  if (!parsed.has(source)) parsed.set(source, readDefinitionQuery(source));
  return parsed.get(source);
}

function readDefinitionQuery(source: DefinitionSource): DefinitionQuery | undefined {
  const definition = source.definition;
  const literal = definition && propertyAt(definition, ['query'])?.value;
  if (literal?.kind !== 'string') return undefined;
  const analysis = analyseQuery(literal.value);
  if (!analysis.ok) return undefined;
  return { literal, leaves: luceneLeaves(analysis.tree), types: new FieldTypes(staticEventFields(source)) };
}

function staticEventFields(source: DefinitionSource): Record<string, FieldType> {
  const out: Record<string, FieldType> = {};
  const eventFields = source.definition && propertyAt(source.definition, ['eventFields'])?.value;
  if (eventFields?.kind !== 'object') return out;
  for (const [name, p] of eventFields.properties) {
    if (p.value.kind === 'string' && (FIELD_TYPES as readonly string[]).includes(p.value.value)) out[name] = p.value.value as FieldType;
  }
  return out;
}

/** The clause as written in the query. */
export function clauseText(query: DefinitionQuery, leaf: LuceneLeaf): string {
  return query.literal.value.slice(leaf.pos, leaf.end);
}

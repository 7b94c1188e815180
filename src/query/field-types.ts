import { ECS_FIELD_TYPES } from '../define/ecs-fields.js';
import type { FieldType } from '../define/schema/field-types.js';
import { QueryError } from './query-error.js';

/** The Elasticsearch behaviour a mapping type has when searched. */
export type FieldKind = 'keyword' | 'text' | 'ip' | 'integer' | 'float' | 'date' | 'boolean' | 'object' | 'unsearchable';

const KIND_OF_TYPE: Record<string, FieldKind> = {
  keyword: 'keyword',
  constant_keyword: 'keyword',
  wildcard: 'keyword',
  text: 'text',
  match_only_text: 'text',
  ip: 'ip',
  long: 'integer',
  integer: 'integer',
  short: 'integer',
  byte: 'integer',
  unsigned_long: 'integer',
  double: 'float',
  float: 'float',
  half_float: 'float',
  scaled_float: 'float',
  date: 'date',
  date_nanos: 'date',
  boolean: 'boolean',
  object: 'object',
  nested: 'object',
  flattened: 'unsearchable',
  geo_point: 'unsearchable',
};

/** A searchable field: its name in queries, where its values live in the document, how it behaves. */
export interface ResolvedField {
  name: string;
  /** The document path holding its values: the parent's for a multi-field such as `process.name.text`. */
  source: string;
  type: string;
  kind: FieldKind;
}

/**
 * Field types as Elasticsearch would have mapped them: the definition's `eventFields` first, then
 * ECS. A field `a.b.sub` whose parent `a.b` is itself a typed leaf is a multi-field of it (ECS's
 * `*.text`, a custom `*.keyword`): same document value, its own type.
 */
export class FieldTypes {
  private readonly declared: Record<string, string>;
  private readonly cache = new Map<string, ResolvedField | undefined>();
  private subfieldIndex: Map<string, string[]> | undefined;

  constructor(eventFields: Readonly<Record<string, FieldType>> = {}) {
    this.declared = { ...eventFields };
  }

  private typeOf(name: string): string | undefined {
    return Object.hasOwn(this.declared, name)
      ? this.declared[name]
      : Object.hasOwn(ECS_FIELD_TYPES, name)
        ? (ECS_FIELD_TYPES as Record<string, string>)[name]
        : undefined;
  }

  /** The field, or undefined when neither ECS nor `eventFields` types it. */
  find(name: string): ResolvedField | undefined {
    if (this.cache.has(name)) return this.cache.get(name);
    const type = this.typeOf(name);
    let resolved: ResolvedField | undefined;
    if (type !== undefined) {
      const dot = name.lastIndexOf('.');
      const parentType = dot > 0 ? this.typeOf(name.slice(0, dot)) : undefined;
      const isMultiField = parentType !== undefined && !['object', 'nested', 'flattened'].includes(parentType);
      resolved = {
        name,
        source: isMultiField ? name.slice(0, dot) : name,
        type,
        kind: KIND_OF_TYPE[type] ?? 'unsearchable',
      };
    }
    this.cache.set(name, resolved);
    return resolved;
  }

  /** The field, or an error naming it and saying how to declare it. */
  require(name: string): ResolvedField {
    const found = this.find(name);
    if (found === undefined) {
      throw new QueryError(
        'ALERTSMITH_FIELD_TYPE_UNKNOWN',
        `field "${name}" is not an ECS field and has no type in eventFields: declare it, e.g. eventFields: { '${name}': 'keyword' }`,
      );
    }
    return found;
  }

  /** The `constant_keyword` fields: ECS's (`data_stream.*`) and declared ones. */
  constantKeywordFields(): string[] {
    ecsConstantKeywords ??= Object.keys(ECS_FIELD_TYPES).filter((n) => (ECS_FIELD_TYPES as Record<string, string>)[n] === 'constant_keyword');
    const names = new Set([...ecsConstantKeywords, ...Object.keys(this.declared)]);
    return [...names].filter((n) => this.typeOf(n) === 'constant_keyword');
  }

  /** Multi-fields of a document path (`process.command_line` -> `process.command_line.text`). */
  subfieldsOf(source: string): string[] {
    if (this.subfieldIndex === undefined) {
      // ECS's own multi-fields are the same for every detection: index them once per process.
      ecsSubfields ??= indexSubfields(new FieldTypes(), Object.keys(ECS_FIELD_TYPES));
      this.subfieldIndex = new Map([...ecsSubfields].map(([k, v]) => [k, [...v]]));
      const extra = Object.keys(this.declared);
      if (extra.length > 0) {
        for (const [k, v] of indexSubfields(this, extra)) {
          const list = this.subfieldIndex.get(k) ?? [];
          for (const name of v) if (!list.includes(name)) list.push(name);
          this.subfieldIndex.set(k, list);
        }
      }
    }
    return this.subfieldIndex.get(source) ?? [];
  }
}

let ecsSubfields: Map<string, string[]> | undefined;
let ecsConstantKeywords: string[] | undefined;

function indexSubfields(types: FieldTypes, names: string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const name of names) {
    const f = types.find(name);
    if (f && f.source !== f.name) {
      const list = index.get(f.source) ?? [];
      if (!list.includes(name)) list.push(name);
      index.set(f.source, list);
    }
  }
  return index;
}

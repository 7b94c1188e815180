import { ECS_FIELD_TYPES } from '../define/ecs-fields.js';
import { MATCH_FIELDS_BY_TYPE, metricValueField, type RuleTypeName } from '../incident/match-fields.js';
import { didYouMean } from './did-you-mean.js';

/** Elasticsearch metadata fields a query may name besides document fields. */
const QUERY_METADATA_FIELDS = ['_id', '_index'];
/** `include_rule_params_in_matches` copies rule options into matches under this prefix. */
const RULE_PARAM_PREFIX = 'rule_param_';

/** ECS and the project's `CustomEventFields`: the document fields every definition may name. Built once per check. */
export function projectDocumentFields(projectFields: ReadonlySet<string>): ReadonlySet<string> {
  const fields = new Set<string>(Object.keys(ECS_FIELD_TYPES));
  for (const f of projectFields) fields.add(f);
  return fields;
}

/** What of a definition decides its own fields: its `eventFields` names, its type and metric options. */
export interface OwnFields {
  eventFields: Iterable<string>;
  type?: unknown;
  metricAggKey?: unknown;
  metricAggType?: unknown;
}

/** The own fields of a definition value (evaluated, or read from the source); anything not readable is left out. */
export function ownFieldsOf(definition: unknown): OwnFields {
  const d = (typeof definition === 'object' && definition !== null ? definition : {}) as Record<string, unknown>;
  const eventFields = typeof d.eventFields === 'object' && d.eventFields !== null ? Object.keys(d.eventFields) : [];
  return { eventFields, type: d.type, metricAggKey: d.metric_agg_key, metricAggType: d.metric_agg_type };
}

/**
 * The fields one definition may name: document fields (the project's, see above, plus its own
 * `eventFields`) for its query and options, and match fields (those plus what its rule type adds)
 * for labels and `{{placeholders}}`. Built from the same modules as the types. Only the
 * definition's own additions are kept here: copying the 2,725 ECS names for each definition was
 * a tenth of `alertsmith check`'s time over 1,000 definitions.
 */
export class FieldSet {
  private readonly ownDocument = new Set<string>();
  private readonly ownMatch = new Set<string>();

  constructor(
    own: OwnFields,
    private readonly common: ReadonlySet<string>,
  ) {
    for (const name of own.eventFields) this.ownDocument.add(name);
    if (typeof own.type === 'string' && Object.hasOwn(MATCH_FIELDS_BY_TYPE, own.type)) {
      for (const f of MATCH_FIELDS_BY_TYPE[own.type as RuleTypeName]) this.ownMatch.add(f);
    }
    if (typeof own.metricAggKey === 'string' && typeof own.metricAggType === 'string') {
      this.ownMatch.add(metricValueField(own.metricAggKey, own.metricAggType));
    }
  }

  /** True when a query may name this field (wildcard field patterns are not checked). */
  hasQueryField(name: string): boolean {
    return name.includes('*') || name.includes('?') || this.hasDocumentField(name) || QUERY_METADATA_FIELDS.includes(name);
  }

  hasDocumentField(name: string): boolean {
    const path = withoutIndexes(name);
    return this.common.has(path) || this.ownDocument.has(path);
  }

  hasMatchField(name: string): boolean {
    return this.hasDocumentField(name) || this.ownMatch.has(withoutIndexes(name)) || name.startsWith(RULE_PARAM_PREFIX);
  }

  suggestDocumentField(name: string): string | undefined {
    return didYouMean(withoutIndexes(name), this.documentFields());
  }

  suggestMatchField(name: string): string | undefined {
    return didYouMean(withoutIndexes(name), this.matchFields());
  }

  private *documentFields(): Generator<string> {
    yield* this.common;
    yield* this.ownDocument;
  }

  private *matchFields(): Generator<string> {
    yield* this.documentFields();
    yield* this.ownMatch;
  }
}

/** `a.b[0].c` -> `a.b.c`: list indexes do not change which field is meant. */
function withoutIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

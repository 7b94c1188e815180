import { ECS_FIELD_TYPES } from '../define/ecs-fields.js';
import { MATCH_FIELDS_BY_TYPE, metricValueField, type RuleTypeName } from '../incident/match-fields.js';
import { didYouMean } from './did-you-mean.js';
import { propertyAt, type StaticObject } from './static-value.js';

/** Elasticsearch metadata fields a query may name besides document fields. */
const QUERY_METADATA_FIELDS = ['_id', '_index'];
/** `include_rule_params_in_matches` copies rule options into matches under this prefix. */
const RULE_PARAM_PREFIX = 'rule_param_';

/**
 * The fields one definition may name: document fields (ECS, the project's `CustomEventFields`,
 * its own `eventFields`) for its query and options, and match fields (those plus what its rule
 * type adds) for labels and `{{placeholders}}`. Built from the same modules as the types.
 */
export class FieldSet {
  readonly document: ReadonlySet<string>;
  readonly match: ReadonlySet<string>;

  constructor(definition: StaticObject, projectFields: ReadonlySet<string>) {
    const document = new Set<string>(Object.keys(ECS_FIELD_TYPES));
    for (const f of projectFields) document.add(f);
    const eventFields = propertyAt(definition, ['eventFields'])?.value;
    if (eventFields?.kind === 'object') for (const name of eventFields.properties.keys()) document.add(name);
    this.document = document;

    const match = new Set(document);
    const type = propertyAt(definition, ['type'])?.value;
    if (type?.kind === 'string' && Object.hasOwn(MATCH_FIELDS_BY_TYPE, type.value)) {
      for (const f of MATCH_FIELDS_BY_TYPE[type.value as RuleTypeName]) match.add(f);
    }
    const aggKey = propertyAt(definition, ['metric_agg_key'])?.value;
    const aggType = propertyAt(definition, ['metric_agg_type'])?.value;
    if (aggKey?.kind === 'string' && aggType?.kind === 'string') match.add(metricValueField(aggKey.value, aggType.value));
    this.match = match;
  }

  /** True when a query may name this field (wildcard field patterns are not checked). */
  hasQueryField(name: string): boolean {
    return name.includes('*') || name.includes('?') || this.document.has(withoutIndexes(name)) || QUERY_METADATA_FIELDS.includes(name);
  }

  hasDocumentField(name: string): boolean {
    return this.document.has(withoutIndexes(name));
  }

  hasMatchField(name: string): boolean {
    return this.match.has(withoutIndexes(name)) || name.startsWith(RULE_PARAM_PREFIX);
  }

  suggestDocumentField(name: string): string | undefined {
    return didYouMean(withoutIndexes(name), this.document);
  }

  suggestMatchField(name: string): string | undefined {
    return didYouMean(withoutIndexes(name), this.match);
  }
}

/** `a.b[0].c` -> `a.b.c`: list indexes do not change which field is meant. */
function withoutIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

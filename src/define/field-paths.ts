import type { MATCH_FIELDS_BY_TYPE, RuleTypeName } from '../incident/match-fields.js';
import type { EcsFieldName } from './ecs-fields.js';
import type { FieldType } from './schema/field-types.js';

/**
 * Fields a whole project's documents have beyond ECS, declared once by module augmentation:
 *
 * ```ts
 * declare module 'alertsmith' {
 *   interface CustomEventFields { 'winlog.event_data.TargetUserName': 'keyword' }
 * }
 * ```
 * (A single detection declares its own with `eventFields`.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CustomEventFields {}

type DeclaredFields<D> = D extends { eventFields: infer F } ? Extract<keyof F, string> : never;

/** Document fields a definition may name: ECS, the project's custom fields, its own `eventFields`. */
export type DocumentField<D> =
  | EcsFieldName
  | Extract<keyof CustomEventFields, string>
  | DeclaredFields<D>
  // Any `path[n]`: a union of every ECS field with `[${number}]` made each definition cost ~25 s
  // of type checking; `alertsmith check` (unknown-field) checks the path before the index.
  | `${string}[${number}]`;

type TypeMatchFields<D> = D extends { type: infer T extends RuleTypeName } ? (typeof MATCH_FIELDS_BY_TYPE)[T][number] : never;
type MetricField<D> = D extends { metric_agg_key: infer K extends string; metric_agg_type: infer A extends string }
  ? `metric_${K}_${A}`
  : never;

/** Fields of the matches ElastAlert pipes for a definition: its documents' plus those the rule type adds. */
export type MatchField<D> = DocumentField<D> | TypeMatchFields<D> | MetricField<D> | `rule_param_${string}`;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** The first `{{placeholder}}` of S that is not one of P, or never. */
type UnknownPlaceholder<S extends string, P extends string> = S extends `${string}{{${infer Inner}}}${infer Rest}`
  ? Trim<Inner> extends P
    ? UnknownPlaceholder<Rest, P>
    : Trim<Inner>
  : never;

/**
 * S itself when every placeholder names a known field; else a type no string can satisfy, whose
 * text says which field is unknown. (An object brand, not a string literal: two different
 * literals would intersect to `never` and the message would be lost.)
 */
export type CheckedTemplate<S, P extends string> = S extends string
  ? string extends S
    ? S
    : [UnknownPlaceholder<S, P>] extends [never]
      ? S
      : { unknownField: `"${UnknownPlaceholder<S, P>}" is not ECS, not in eventFields, not added by this rule type` }
  : S;

type CheckedXsoar<X, P extends string> = {
  [K in keyof X]: K extends 'name' | 'details'
    ? CheckedTemplate<X[K], P>
    : K extends 'customFields'
      ? { [C in keyof X[K]]: CheckedTemplate<X[K][C], P> }
      : K extends 'labels'
        ? readonly P[]
        : X[K];
};

type FieldOption = 'query_key' | 'compare_key' | 'cardinality_field' | 'metric_agg_key' | 'field_value' | 'timestamp_field';

/** The typed view of a definition: field names and placeholders checked against its field set. */
export type CheckedDefinition<D> = {
  [K in keyof D]: K extends 'xsoar'
    ? CheckedXsoar<D[K], MatchField<D>>
    : K extends FieldOption
      ? DocumentField<D> | readonly DocumentField<D>[]
      : K extends 'fields'
        ? readonly (DocumentField<D> | readonly DocumentField<D>[])[]
        : D[K];
};

export type { FieldType };

import type { MATCH_FIELDS_BY_TYPE, RuleTypeName } from '../incident/match-fields.js';
import type { EcsFieldName } from './ecs-field-names.js';
import type { DefinitionInput, FieldType } from './authoring-types.js';

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

/** Document fields any definition may name: ECS, the project's custom fields, any `path[n]`. */
type CommonDocumentField =
  | EcsFieldName
  | Extract<keyof CustomEventFields, string>
  // Any `path[n]`: a union of every ECS field with `[${number}]` made each definition cost ~25 s
  // of type checking; `alertsmith check` (unknown-field) checks the path before the index.
  | `${string}[${number}]`;

/** Document fields a definition may name: ECS, the project's custom fields, its own `eventFields`. */
export type DocumentField<D> = CommonDocumentField | DeclaredFields<D>;

type TypeMatchFields<D> = D extends { type: infer T extends RuleTypeName } ? (typeof MATCH_FIELDS_BY_TYPE)[T][number] : never;
type MetricField<D> = D extends { metric_agg_key: infer K extends string; metric_agg_type: infer A extends string }
  ? `metric_${K}_${A}`
  : never;

/** Fields of the matches ElastAlert pipes for a definition: its documents' plus those the rule type adds. */
export type MatchField<D> = DocumentField<D> | TypeMatchFields<D> | MetricField<D> | `rule_param_${string}`;

/*
 * The checks below test a name against each part in turn (`F extends CommonDocumentField`, then
 * `F extends DeclaredFields<D>`, ...) and never build `DocumentField<D>` or `MatchField<D>`: a
 * union of 2,725 names made anew for every definition cost ~0.25 s of type checking each.
 */
type IsDocumentField<F, D> = F extends CommonDocumentField ? true : F extends DeclaredFields<D> ? true : false;
type IsMatchField<F, D> =
  IsDocumentField<F, D> extends true ? true : F extends TypeMatchFields<D> | MetricField<D> | `rule_param_${string}` ? true : false;

/**
 * What an unknown name becomes: a type no string can satisfy, whose text names it, written out
 * where used so that the editor shows the text, not an alias. (An object brand, not a string
 * literal: two different literals would intersect to `never` and the message would be lost.)
 */
type UnknownFieldText<F extends string, Where extends string> = `"${F}" is not ECS, not in CustomEventFields or eventFields${Where}`;
type RuleTypeNote = ', not added by this rule type';

/** F itself when it names a document field of D, else a type naming it as unknown. */
type CheckedDocumentField<F, D> = F extends string
  ? string extends F
    ? F
    : IsDocumentField<F, D> extends true
      ? F
      : { unknownField: UnknownFieldText<F, ''> }
  : F;
/** F itself when it names a field of D's matches, else a type naming it as unknown. */
type CheckedMatchField<F, D> = F extends string
  ? string extends F
    ? F
    : IsMatchField<F, D> extends true
      ? F
      : { unknownField: UnknownFieldText<F, RuleTypeNote> }
  : F;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** The first `{{placeholder}}` of S that does not name a field of D's matches, or never (a computed one is not checked). */
type UnknownPlaceholder<S extends string, D> = S extends `${string}{{${infer Inner}}}${infer Rest}`
  ? string extends Inner
    ? UnknownPlaceholder<Rest, D>
    : IsMatchField<Trim<Inner>, D> extends true
      ? UnknownPlaceholder<Rest, D>
      : Trim<Inner>
  : never;

/** S itself when every placeholder names a field of D's matches; else a type naming the first that does not. */
export type CheckedTemplate<S, D> = S extends string
  ? string extends S
    ? S
    : [UnknownPlaceholder<S, D>] extends [never]
      ? S
      : { unknownField: UnknownFieldText<UnknownPlaceholder<S, D>, RuleTypeNote> }
  : S;

/** One field name or a list of them, each checked (a tuple stays a tuple). */
type CheckedDocumentFields<V, D> = V extends readonly unknown[] ? { [I in keyof V]: CheckedDocumentField<V[I], D> } : CheckedDocumentField<V, D>;

type XsoarOption = keyof NonNullable<DefinitionInput['xsoar']>;

type CheckedXsoar<X, D> = {
  [K in keyof X]: K extends XsoarOption
    ? CheckedXsoarOption<X, K, D>
    : { unknownOption: `"${K & string}" is not an option of xsoar` };
};

type CheckedXsoarOption<X, K extends keyof X, D> = K extends 'name' | 'details'
  ? CheckedTemplate<X[K], D>
  : K extends 'customFields'
    ? { [C in keyof X[K]]: CheckedTemplate<X[K][C], D> }
    : K extends 'labels'
      ? { [I in keyof X[K]]: CheckedMatchField<X[K][I], D> }
      : X[K];

type FieldOption = 'query_key' | 'compare_key' | 'cardinality_field' | 'metric_agg_key' | 'field_value' | 'timestamp_field';

/** The options a definition of D's rule type may have (the schema's keys for that type). */
type KnownOption<D> = D extends { type: infer T } ? keyof Extract<DefinitionInput, { type: T }> : keyof DefinitionInput;

/** The typed view of a definition: option names, field names and placeholders checked against its field set. */
export type CheckedDefinition<D> = {
  [K in keyof D]: K extends KnownOption<D>
    ? K extends 'xsoar'
      ? CheckedXsoar<D[K], D>
      : K extends FieldOption
        ? CheckedDocumentFields<D[K], D>
        : K extends 'fields'
          ? { [I in keyof D[K]]: CheckedDocumentFields<D[K][I], D> }
          : D[K]
    : { unknownOption: `"${K & string}" is not an option of rule type "${D extends { type: infer T extends string } ? T : ''}"` };
};

export type { FieldType };

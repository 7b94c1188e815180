import type { FindingLevel } from '../check/finding.js';
import type { FieldSet } from '../check/field-set.js';
import type { ResolvedConfig } from '../define/schema/config.js';
import type { PropertyPath } from '../define/schema-issues.js';
import type { ValidationResult } from '../define/validate-definition.js';

/** One problem of a definition, by property path: the place in the source is found later. */
export interface Problem {
  /** The property; `[]` is the definition as a whole. */
  path: PropertyPath;
  /** Characters of the property's string value, when the problem is inside it (a query, a template). */
  range?: { start: number; end: number };
  /** The problem is the property's name (an unknown key), not its value. */
  key?: boolean;
  /** What is wrong, in the author's words. */
  message: string;
  /** What to do about it, when there is a clear answer. */
  fix?: string;
  /** Overrides the check's level for this problem. */
  level?: FindingLevel;
}

/** A definition module as loaded and validated: what every check reads. */
export interface EvaluatedDefinition {
  /** Absolute path of the file. */
  file: string;
  /** The file as messages name it (relative to where the command runs). */
  shownAs: string;
  /** The file name without folder and extension: what the id must equal. */
  baseName: string;
  /** The module's default export, as evaluated. */
  value: unknown;
  /** The schema's verdict on `value`, computed once. */
  validation: ValidationResult;
}

export interface DefinitionCheckContext {
  definition: EvaluatedDefinition;
  fields: FieldSet;
  config: ResolvedConfig;
  report(problem: Problem): void;
}

export interface ProjectCheckContext {
  definitions: readonly EvaluatedDefinition[];
  report(definition: EvaluatedDefinition, problem: Problem): void;
}

/**
 * A check over evaluated definitions, run by `build`, `check` and `test` alike. Pure: it sees
 * values, never files; findings get their file:line:col from the source afterwards.
 */
export interface DefinitionCheck {
  /** Stable, kebab-case; what suppression comments and `check.rules` name. */
  id: string;
  level: FindingLevel;
  /** One line for docs and SARIF. */
  doc: string;
  /** `build` cannot write a definition with this problem: no config setting or comment turns it off. */
  required?: boolean;
  checkDefinition?(context: DefinitionCheckContext): void;
  checkProject?(context: ProjectCheckContext): void;
}

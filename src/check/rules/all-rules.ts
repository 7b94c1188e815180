import type { LintRule } from '../lint-rule.js';
import { DEFINITION_CHECKS } from '../../validate/definition-checks.js';
import { SOURCE_CHECKS } from '../../validate/source-checks.js';
import { attackTechniqueUnknown } from './attack-technique-unknown.js';
import { existsFieldName } from './exists-field-name.js';
import { fieldPatternEscape } from './field-pattern-escape.js';
import { fieldlessRange } from './fieldless-range.js';
import { frequencySingleEvent } from './frequency-single-event.js';
import { queryTermType } from './query-term-type.js';
import { queryTermWhitespace } from './query-term-whitespace.js';
import { realertFlood } from './realert-flood.js';

/**
 * The lint rules only `check` runs (warnings), in the order the docs list them. Checks that
 * `build` runs too are in `src/validate/`: over the evaluated definition (`DEFINITION_CHECKS`)
 * and over the source (`SOURCE_CHECKS`). An error-level rule belongs there, or build would
 * write what check calls an error.
 */
export const LINT_RULES: readonly LintRule[] = [
  fieldPatternEscape,
  existsFieldName,
  queryTermWhitespace,
  queryTermType,
  fieldlessRange,
  realertFlood,
  frequencySingleEvent,
  attackTechniqueUnknown,
];

/** Every rule `check` reports under, definition checks first: what docs, SARIF and `check.rules` know. */
export const CHECK_RULES: readonly (Pick<LintRule, 'id' | 'level' | 'doc'> & { required?: boolean })[] = [
  ...DEFINITION_CHECKS,
  ...SOURCE_CHECKS,
  ...LINT_RULES,
];

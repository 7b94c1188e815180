import type { LintRule } from '../lint-rule.js';
import { DEFINITION_CHECKS } from '../../validate/definition-checks.js';
import { frequencySingleEvent } from './frequency-single-event.js';
import { noNondeterminism } from './no-nondeterminism.js';
import { noSecrets } from './no-secrets.js';
import { oneDefinitionPerFile } from './one-definition-per-file.js';
import { realertFlood } from './realert-flood.js';

/**
 * The lint rules only `check` runs, in the order the docs list them. Checks over the evaluated
 * definition, which `build` runs too, are in `src/validate/definition-checks.ts`.
 */
export const LINT_RULES: readonly LintRule[] = [
  oneDefinitionPerFile,
  realertFlood,
  frequencySingleEvent,
  noNondeterminism,
  noSecrets,
];

/** Every rule `check` reports under, definition checks first: what docs, SARIF and `check.rules` know. */
export const CHECK_RULES: readonly (Pick<LintRule, 'id' | 'level' | 'doc'> & { required?: boolean })[] = [
  ...DEFINITION_CHECKS,
  ...LINT_RULES,
];

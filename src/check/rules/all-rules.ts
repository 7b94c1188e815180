import type { LintRule } from '../lint-rule.js';
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

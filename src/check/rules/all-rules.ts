import type { LintRule } from '../lint-rule.js';
import { attackMetadata } from './attack-metadata.js';
import { ecsArrayField } from './ecs-array-field.js';
import { frequencySingleEvent } from './frequency-single-event.js';
import { idMatchesFile } from './id-matches-file.js';
import { indexPattern } from './index-pattern.js';
import { luceneSyntax } from './lucene-syntax.js';
import { noNondeterminism } from './no-nondeterminism.js';
import { noSecrets } from './no-secrets.js';
import { oneDefinitionPerFile } from './one-definition-per-file.js';
import { positiveThresholds } from './positive-thresholds.js';
import { realertFlood } from './realert-flood.js';
import { timeframeRequired } from './timeframe-required.js';
import { uniqueId } from './unique-id.js';
import { unknownField } from './unknown-field.js';

/** Every lint rule of `check`, in the order the docs list them. */
export const LINT_RULES: readonly LintRule[] = [
  oneDefinitionPerFile,
  idMatchesFile,
  uniqueId,
  luceneSyntax,
  unknownField,
  positiveThresholds,
  timeframeRequired,
  realertFlood,
  frequencySingleEvent,
  ecsArrayField,
  attackMetadata,
  noNondeterminism,
  noSecrets,
  indexPattern,
];

import { definitionSchema } from './checks/definition-schema.js';
import { ecsArrayField } from './checks/ecs-array-field.js';
import { idMatchesFile } from './checks/id-matches-file.js';
import { indexPattern } from './checks/index-pattern.js';
import { luceneSyntax } from './checks/lucene-syntax.js';
import { timeframeRequired } from './checks/timeframe-required.js';
import { uniqueId } from './checks/unique-id.js';
import { unknownField } from './checks/unknown-field.js';
import type { DefinitionCheck } from './definition-check.js';

/**
 * The one list of checks over evaluated definitions. `build` and `test` run it and refuse
 * what it calls an error; `check` runs it too, then type checking and the lint rules.
 */
export const DEFINITION_CHECKS: readonly DefinitionCheck[] = [
  definitionSchema,
  idMatchesFile,
  uniqueId,
  luceneSyntax,
  unknownField,
  timeframeRequired,
  indexPattern,
  ecsArrayField,
];

import { noNondeterminism } from './checks/no-nondeterminism.js';
import { noSecrets } from './checks/no-secrets.js';
import { oneDefinitionPerFile } from './checks/one-definition-per-file.js';
import type { SourceCheck } from './source-check.js';

/** The checks of what definition files say, beside `DEFINITION_CHECKS`: build, check and test run both. */
export const SOURCE_CHECKS: readonly SourceCheck[] = [oneDefinitionPerFile, noNondeterminism, noSecrets];

import { idMismatch } from '../../define/validate-definition.js';
import type { DefinitionCheck } from '../definition-check.js';

/** Generated files are named after ids; a file named after its id is found by its id. */
export const idMatchesFile: DefinitionCheck = {
  id: 'id-matches-file',
  level: 'error',
  doc: "A definition's id equals its file name (ssh-brute-force in ssh-brute-force.ts).",
  required: true,
  checkDefinition({ definition, report }) {
    const id = (definition.value as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id === definition.baseName) return;
    const issue = idMismatch(id, definition.baseName);
    report({ path: issue.at, message: issue.message, fix: issue.fix! });
  },
};

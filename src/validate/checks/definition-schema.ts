import type { DefinitionCheck } from '../definition-check.js';

/** Load errors and schema issues: a definition that fails these cannot be compiled at all. */
export const definitionSchema: DefinitionCheck = {
  id: 'definition-schema',
  level: 'error',
  doc: 'The file loads, its default export is a definition, and the definition has every required option, each of the right kind.',
  required: true,
  checkDefinition({ definition, report }) {
    if (definition.validation.ok) return;
    for (const issue of definition.validation.issues) {
      report({ path: issue.at, message: issue.message, ...(issue.fix ? { fix: issue.fix } : {}), ...(issue.key ? { key: true } : {}) });
    }
  },
};

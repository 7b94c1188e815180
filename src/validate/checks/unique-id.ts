import type { DefinitionCheck, EvaluatedDefinition } from '../definition-check.js';

/** Two definitions with one id would write the same generated file. */
export const uniqueId: DefinitionCheck = {
  id: 'unique-id',
  level: 'error',
  doc: 'Every definition id is unique across the definitions (each id names one generated file).',
  required: true,
  checkProject({ definitions, report }) {
    const firstById = new Map<string, EvaluatedDefinition>();
    for (const definition of definitions) {
      const id = (definition.value as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') continue;
      const first = firstById.get(id);
      if (!first) {
        firstById.set(id, definition);
        continue;
      }
      report(definition, {
        path: ['id'],
        message: `the id "${id}" is already used by ${first.shownAs}`,
        fix: 'give each definition its own id (and file name)',
      });
    }
  },
};

import type { DefinitionCheck } from '../definition-check.js';

/** An empty entry in an index list, or `*` alone (a missing or empty index is a definition-schema error). */
export const indexPattern: DefinitionCheck = {
  id: 'index-pattern',
  level: 'error',
  doc: "The index pattern is not blank and its list has no empty entry; '*' alone, which searches every index, is a warning.",
  checkDefinition({ definition, report }) {
    const index = (definition.value as { index?: unknown } | null)?.index;
    if (typeof index !== 'string' || index === '') return;
    if (index.trim() === '') {
      report({ path: ['index'], message: 'the index pattern is blank', fix: "name the indices, e.g. 'logs-*'" });
      return;
    }
    let offset = 0;
    for (const part of index.split(',')) {
      const trimmed = part.trim();
      const start = offset + part.indexOf(trimmed);
      if (trimmed === '') {
        report({ path: ['index'], range: { start: offset, end: offset + part.length }, message: 'the index list has an empty entry', fix: 'remove the extra comma' });
      } else if (trimmed === '*' || trimmed === '_all') {
        report({
          path: ['index'],
          range: { start, end: start + trimmed.length },
          message: `the index pattern "${trimmed}" searches every index, system indices included: slow, and matches data the detection was not written for`,
          fix: "name the indices the detection is about, e.g. 'logs-system.auth-*'",
          level: 'warning',
        });
      }
      offset += part.length + 1;
    }
  },
};

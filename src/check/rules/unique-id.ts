import { displayPath } from '../display-path.js';
import { propertyAt, type StaticString } from '../static-value.js';
import type { LintRule } from '../lint-rule.js';

/** Two definitions with one id would write the same generated file. */
export const uniqueId: LintRule = {
  id: 'unique-id',
  level: 'error',
  doc: 'Every definition id is unique across the checked files (each id names one generated file).',
  checkProject({ sources, cwd, report }) {
    const firstById = new Map<string, StaticString>();
    for (const source of sources) {
      const id = source.definition && propertyAt(source.definition, ['id']);
      if (id?.value.kind !== 'string') continue;
      const first = firstById.get(id.value.value);
      if (!first) {
        firstById.set(id.value.value, id.value);
        continue;
      }
      const where = displayPath(cwd, first.node.getSourceFile().getFilePath());
      report({
        target: id.value.node,
        message: `the id "${id.value.value}" is already used by ${where}:${first.node.getStartLineNumber()}`,
        fix: 'give each definition its own id (and file name)',
      });
    }
  },
};

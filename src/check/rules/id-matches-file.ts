import { propertyAt } from '../static-value.js';
import type { LintRule } from '../lint-rule.js';

/** Generated files are named after ids; a file named after its id is found by its id. */
export const idMatchesFile: LintRule = {
  id: 'id-matches-file',
  level: 'error',
  doc: "A definition's id equals its file name (ssh-brute-force in ssh-brute-force.ts).",
  checkDefinition({ source, report }) {
    const id = source.definition && propertyAt(source.definition, ['id']);
    if (id?.value.kind !== 'string' || id.value.value === source.baseName) return;
    report({
      target: id.value.node,
      message: `the id "${id.value.value}" differs from the file name "${source.baseName}"`,
      fix: `rename the file to ${id.value.value}${source.file.getExtension()} or set id: '${source.baseName}'`,
    });
  },
};

import { SyntaxKind } from 'ts-morph';
import { isDefineAlertCall } from '../definition-source.js';
import type { LintRule } from '../lint-rule.js';

/** `alertsmith build` loads a file's default export and nothing else. */
export const oneDefinitionPerFile: LintRule = {
  id: 'one-definition-per-file',
  level: 'error',
  doc: 'A definition file has exactly one default export, a defineAlert({...}) call; other calls are never built.',
  checkDefinition({ source, report }) {
    const { file, defaultExport, call } = source;
    if (!defaultExport) {
      const first = file.getStatements()[0];
      report({
        target: first ?? { file, start: 0, end: 0 },
        message: 'the file has no default export, so build finds no definition in it',
        fix: 'write `export default defineAlert({ ... })`, or move the file out of the definitions folder',
      });
    } else if (!call) {
      report({
        target: defaultExport,
        message: 'the default export is not a defineAlert({...}) call',
        fix: 'export the definition as `export default defineAlert({ ... })`',
      });
    }
    for (const other of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (other === call || !isDefineAlertCall(other)) continue;
      report({
        target: other,
        message: 'this defineAlert call is not the default export, so build never sees it',
        fix: 'move this definition into a file of its own, named after its id',
      });
    }
  },
};

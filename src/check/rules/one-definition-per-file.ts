import { ts } from 'ts-morph';
import { DEFINE_ALERT } from '../definition-source.js';
import type { LintRule } from '../lint-rule.js';

/** `alertsmith build` loads a file's default export and nothing else. */
export const oneDefinitionPerFile: LintRule = {
  id: 'one-definition-per-file',
  level: 'error',
  doc: 'A definition file has exactly one default export, a defineAlert({...}) call; other calls are never built.',
  checkDefinition({ source, report }) {
    const { file, defaultExport, call } = source;
    // A file without a default export is a definition-schema error, which build reports too.
    if (defaultExport && !call) {
      report({
        target: defaultExport,
        message: 'the default export is not a defineAlert({...}) call',
        fix: 'export the definition as `export default defineAlert({ ... })`',
      });
    }
    // A walk of the compiler's nodes: cheaper than wrapping every node of the file.
    const sf = file.compilerNode;
    const built = call?.compilerNode;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node !== built && isDefineAlertCallee(node.expression)) {
        report({
          target: { file, start: node.getStart(sf), end: node.end },
          message: 'this defineAlert call is not the default export, so build never sees it',
          fix: 'move this definition into a file of its own, named after its id',
        });
      }
      ts.forEachChild(node, visit);
    };
    // Without a default export the definition-schema error already says what to do.
    if (defaultExport && file.getFullText().includes(DEFINE_ALERT)) ts.forEachChild(sf, visit);
  },
};

function isDefineAlertCallee(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === DEFINE_ALERT;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === DEFINE_ALERT;
}

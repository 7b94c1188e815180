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
    if (file.getFullText().includes(DEFINE_ALERT)) ts.forEachChild(sf, visit);
  },
};

function isDefineAlertCallee(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === DEFINE_ALERT;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === DEFINE_ALERT;
}

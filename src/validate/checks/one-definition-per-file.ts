import { defaultExportOf, DEFINE_ALERT, isDefineAlertCall, resolveExpression } from '../default-export.js';
import type { SourceCheck } from '../source-check.js';

/** The usual file: one `export default defineAlert(` and no other call. */
const ONE_EXPORTED_CALL = /^(?![\s\S]*\bdefineAlert\s*\([\s\S]*\bdefineAlert\s*\()[\s\S]*\bexport\s+default\s+defineAlert\s*\(/;

/** `alertsmith build` loads a file's default export and nothing else. */
export const oneDefinitionPerFile: SourceCheck = {
  id: 'one-definition-per-file',
  level: 'error',
  doc: 'A definition file has exactly one default export, a defineAlert({...}) call; other calls are never built.',
  mayReport: (text) => !ONE_EXPORTED_CALL.test(text),
  checkSource({ sf, ts, report }) {
    // A file without a default export is a definition-schema error, which says what to do.
    const exported = defaultExportOf(ts, sf);
    if (!exported) return;
    const call = resolveExpression(ts, sf, exported.expression);
    const built = isDefineAlertCall(ts, call) ? call : undefined;
    if (!built) {
      report({
        start: exported.statement.getStart(sf),
        end: exported.statement.end,
        message: 'the default export is not a defineAlert({...}) call',
        fix: 'export the definition as `export default defineAlert({ ... })`',
      });
    }
    const visit = (node: import('ts-morph').ts.Node): void => {
      if (node !== built && isDefineAlertCall(ts, node)) {
        report({
          start: node.getStart(sf),
          end: node.end,
          message: 'this defineAlert call is not the default export, so build never sees it',
          fix: 'move this definition into a file of its own, named after its id',
        });
      }
      ts.forEachChild(node, visit);
    };
    if (sf.text.includes(DEFINE_ALERT)) ts.forEachChild(sf, visit);
  },
};

import type { ts } from 'ts-morph';

/** The name of the authoring function whose default export makes a file a definition. */
export const DEFINE_ALERT = 'defineAlert';

/** What a file default-exports: the statement, and the expression behind it. */
export interface DefaultExport {
  statement: ts.Node;
  expression: ts.Expression;
}

/** `export default <expr>` or `export { x as default }`, if the file has one. */
export function defaultExportOf(api: typeof ts, sf: ts.SourceFile): DefaultExport | undefined {
  for (const statement of sf.statements) {
    if (api.isExportAssignment(statement) && !statement.isExportEquals) return { statement, expression: statement.expression };
    if (api.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && api.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) if (e.name.text === 'default') return { statement: e, expression: e.propertyName ?? e.name } as DefaultExport;
    }
  }
  return undefined;
}

/** The expression behind parentheses, `as`, `satisfies`, `!` and a `const` of the same file. */
export function resolveExpression(api: typeof ts, sf: ts.SourceFile, node: ts.Expression, depth = 0): ts.Expression {
  if (depth > 8) return node;
  if (api.isParenthesizedExpression(node) || api.isAsExpression(node) || api.isSatisfiesExpression(node) || api.isNonNullExpression(node)) {
    return resolveExpression(api, sf, node.expression, depth + 1);
  }
  if (api.isIdentifier(node)) {
    const initializer = constInitializer(api, sf, node.text);
    if (initializer) return resolveExpression(api, sf, initializer, depth + 1);
  }
  return node;
}

/** True when a call's callee is `defineAlert` (or `x.defineAlert`). */
export function isDefineAlertCall(api: typeof ts, node: ts.Node): node is ts.CallExpression {
  if (!api.isCallExpression(node)) return false;
  const callee = node.expression;
  if (api.isIdentifier(callee)) return callee.text === DEFINE_ALERT;
  return api.isPropertyAccessExpression(callee) && callee.name.text === DEFINE_ALERT;
}

/** The initializer of the top-level `const` of this name in the file, if any. */
export function constInitializer(api: typeof ts, sf: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of sf.statements) {
    if (!api.isVariableStatement(statement) || !(statement.declarationList.flags & api.NodeFlags.Const)) continue;
    for (const d of statement.declarationList.declarations) {
      if (api.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
    }
  }
  return undefined;
}

import { Node, type CallExpression, type SourceFile } from 'ts-morph';
import { staticValue, type StaticObject } from './static-value.js';

import { DEFINE_ALERT } from '../validate/default-export.js';

/** A definition file as `check` sees it: where its definition is and what it says. */
export interface DefinitionSource {
  file: SourceFile;
  /** The file name without folder and extension: what the definition's id must equal. */
  baseName: string;
  /** The node the default export is (`export default ...`), if there is one. */
  defaultExport?: Node;
  /** The `defineAlert(...)` call the default export evaluates to, if it does. */
  call?: CallExpression;
  /** The definition object literal passed to that call, read statically. */
  definition?: StaticObject;
}

/** Finds the default-exported `defineAlert({...})` of a file and reads its object literal. */
export function readDefinitionSource(file: SourceFile): DefinitionSource {
  const baseName = file.getBaseNameWithoutExtension();
  const source: DefinitionSource = { file, baseName };
  const exported = defaultExportExpression(file);
  if (!exported) return source;
  source.defaultExport = exported.node;
  const call = unwrapToCall(exported.expression);
  if (!call || !isDefineAlertCall(call)) return source;
  source.call = call;
  const argument = call.getArguments()[0];
  if (argument) {
    const value = staticValue(argument);
    if (value.kind === 'object') source.definition = value;
  }
  return source;
}

/** True when a call's callee is `defineAlert` (or `x.defineAlert`). */
export function isDefineAlertCall(call: CallExpression): boolean {
  const callee = call.getExpression();
  if (Node.isIdentifier(callee)) return callee.getText() === DEFINE_ALERT;
  if (Node.isPropertyAccessExpression(callee)) return callee.getName() === DEFINE_ALERT;
  return false;
}

function defaultExportExpression(file: SourceFile): { node: Node; expression: Node } | undefined {
  for (const statement of file.getStatements()) {
    if (Node.isExportAssignment(statement) && !statement.isExportEquals()) {
      return { node: statement, expression: statement.getExpression() };
    }
    if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier()) {
      for (const named of statement.getNamedExports()) {
        if (named.getAliasNode()?.getText() === 'default') return { node: named, expression: named.getNameNode() };
      }
    }
  }
  return undefined;
}

/** Follows parentheses, `as`/`satisfies` and a `const` in the same file to the call behind them. */
function unwrapToCall(node: Node, depth = 0): CallExpression | undefined {
  if (depth > 8) return undefined;
  if (Node.isCallExpression(node)) return node;
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) {
    return unwrapToCall(node.getExpression(), depth + 1);
  }
  if (Node.isIdentifier(node)) {
    const name = node.getText();
    for (const statement of node.getSourceFile().getVariableStatements()) {
      for (const declaration of statement.getDeclarations()) {
        const initializer = declaration.getInitializer();
        if (declaration.getName() === name && initializer) return unwrapToCall(initializer, depth + 1);
      }
    }
  }
  return undefined;
}

import { Node, ts } from './ts-morph.cjs';
import type { CallExpression, SourceFile } from 'ts-morph';
import { morphNodeOf } from './morph-node.js';
import { staticValue, type StaticObject } from './static-value.js';
import { defaultExportOf, isDefineAlertCall, resolveExpression } from '../validate/default-export.js';

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

/**
 * Finds the default-exported `defineAlert({...})` of a file and reads its object literal. The
 * default export is found as `build` finds it when it places findings (validate/default-export.ts).
 */
export function readDefinitionSource(file: SourceFile): DefinitionSource {
  const baseName = file.getBaseNameWithoutExtension();
  const source: DefinitionSource = { file, baseName };
  const sf = file.compilerNode;
  const exported = defaultExportOf(ts, sf);
  if (!exported) return source;
  source.defaultExport = morphNodeOf(file, exported.statement);
  const resolved = resolveExpression(ts, sf, exported.expression);
  if (!isDefineAlertCall(ts, resolved)) return source;
  const call = morphNodeOf(file, resolved);
  if (!call || !Node.isCallExpression(call)) return source;
  source.call = call;
  const argument = call.getArguments()[0];
  if (argument) {
    const value = staticValue(argument);
    if (value.kind === 'object') source.definition = value;
  }
  return source;
}

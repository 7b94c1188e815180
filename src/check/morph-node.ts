import type { Node, SourceFile, ts } from 'ts-morph';

/**
 * The file's ts-morph node for a compiler node of it: up from the token where it starts. Made
 * only where a finding needs it: wrapping every node costs more than reading it.
 */
export function morphNodeOf(file: SourceFile, node: ts.Node): Node | undefined {
  for (let at: Node | undefined = file.getDescendantAtPos(node.getStart(file.compilerNode)); at; at = at.getParent()) {
    if (at.compilerNode === node) return at;
  }
  return undefined;
}

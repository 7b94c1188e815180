// The types of ts-morph.cjs: the same names as ts-morph's own.
export { Project, Node, SyntaxKind, ts } from 'ts-morph';

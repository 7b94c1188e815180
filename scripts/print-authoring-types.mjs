// Rewrites the published declaration of the authoring types (dist/define/authoring-types.d.ts),
// which tsc emits as re-exports of the zod schemas' `z.input`/`z.output` types, as the plain
// types TypeScript infers from them.
//
// Why: what a project's definitions import from `alertsmith` should not make every type checker
// parse zod's declarations and the schemas', nor work `z.input<...>` out through zod's generic
// types again; an editor makes a new checker after every keystroke, and `check` one per run.
// - Plain `DefinitionInput`: ~520 ms of CPU per editor edit on the example definitions became
//   ~150 ms (npm run bench -- editor).
// - No zod or schema declarations: a program of one definition parsed 0.76 MB of declarations,
//   now 0.31 MB (docs/cache.md).
// The schemas stay the single source: each type is printed from them by TypeScript at build time,
// and the build fails unless every printed type is identical to the schema's (checked both ways
// by a compile of the staged output).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const MODULE = 'define/authoring-types';
const SOURCE = fileURLToPath(new URL(`../src/${MODULE}.ts`, import.meta.url));
/**
 * Names the printed types may use without printing them out again (the 2,726-name EcsFieldName
 * stays one name); the probe compile fails if a printed type names anything else.
 */
const IMPORTS = [
  "import type { EcsFieldName } from './ecs-field-names.js';",
  "import type { SeverityNumber } from '../incident/severity.js';",
];
const COMPILER_OPTIONS = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};
/** zod's types the printed ones use, printed out too under the name given (their own name in zod). */
const ZOD_ALIASES = { 'z.core.util.JSONType': { file: /zod\/v4\/core\/util\.d\.cts$/, name: 'JSONType' } };
const PRINT_FLAGS =
  ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope | ts.NodeBuilderFlags.MultilineObjectLiterals;

/** Prints the authoring types into the staged dist folder; throws with the reason when it cannot. */
export function printAuthoringTypes(distDir) {
  const file = path.join(distDir, `${MODULE}.d.ts`);
  const original = readFileSync(file, 'utf8');

  // Printed from the source, not the emitted declarations: declaration emit drops the JSDoc of the
  // schemas' properties, and the source keeps it, so authors get each option's doc on hover.
  const program = ts.createProgram([SOURCE], COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SOURCE);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const printed = [];
  const origins = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
      throw new Error(`${SOURCE}: only \`export type { ... } from '...'\` statements can be printed`);
    }
    const from = statement.moduleSpecifier.text;
    for (const specifier of statement.exportClause.elements) {
      const name = specifier.name.text;
      const target = checker.getAliasedSymbol(checker.getSymbolAtLocation(specifier.name));
      const declaration = target.declarations?.find(ts.isTypeAliasDeclaration);
      if (!declaration) throw new Error(`${SOURCE}: ${name} is not a type alias`);
      const docs = jsDocText(checker, target);
      printed.push(`${docs ? `/*${docs}*/\n` : ''}export type ${name} = ${typeText(checker, printer, declaration)};`);
      origins.push({ name, from });
    }
  }
  for (const [qualified, { file: zodFile, name }] of Object.entries(ZOD_ALIASES)) {
    const declaration = program.getSourceFiles().find((f) => zodFile.test(f.fileName))?.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === name);
    if (!declaration) throw new Error(`zod no longer declares ${qualified}`);
    const node = checker.typeToTypeNode(checker.getTypeAtLocation(declaration.name), declaration, PRINT_FLAGS);
    printed.unshift(`/** A JSON value, as zod's ${name}. */\nexport type ${name} = ${printer.printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile())};`);
    for (let i = 1; i < printed.length; i++) printed[i] = printed[i].replaceAll(qualified, name);
  }
  writeFileSync(file, [
    '// Printed by scripts/print-authoring-types.mjs from the schemas at build time: the same types, without zod.',
    ...IMPORTS,
    '',
    printed.join('\n'),
    '',
  ].join('\n'));

  // The proof that nothing was lost: each printed type and the schema's are identical.
  const probe = path.join(distDir, 'define/__authoring-types-equal.ts');
  writeFileSync(probe, [
    `import type * as printed from './authoring-types.js';`,
    ...origins.map(({ name, from }) => `import type { ${name} as ${name}FromSchema } from '${from}';`),
    'type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;',
    ...origins.map(({ name }) => `export const same${name}: Same<printed.${name}, ${name}FromSchema> = true;`),
    '',
  ].join('\n'));
  try {
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([probe], COMPILER_OPTIONS));
    if (diagnostics.length > 0) {
      writeFileSync(file, original);
      const text = ts.formatDiagnostics(diagnostics.slice(0, 5), { getCanonicalFileName: (f) => f, getCurrentDirectory: () => distDir, getNewLine: () => '\n' });
      throw new Error(`the printed authoring types are not the schemas' types:\n${text}`);
    }
  } finally {
    rmSync(probe, { force: true });
  }
}

/**
 * A type alias's type as plain text: as written when it names only types (`EcsFieldName | (string &
 * {})` stays that, not 2,726 names), else as TypeScript prints it with each option's JSDoc.
 */
function typeText(checker, printer, declaration) {
  let namesValues = false;
  const visit = (node) => {
    if (ts.isTypeQueryNode(node) || (ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName))) namesValues = true;
    else ts.forEachChild(node, visit);
  };
  visit(declaration.type);
  if (!namesValues) return declaration.type.getText();
  const type = checker.getTypeAtLocation(declaration.name);
  const node = checker.typeToTypeNode(type, declaration, PRINT_FLAGS);
  carryDocs(checker, node, type);
  return printer.printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile());
}

/**
 * Puts each property's JSDoc (what authors read when they hover an option) on the printed type
 * literal, walking the printed node and the type side by side.
 */
function carryDocs(checker, node, type) {
  if (ts.isUnionTypeNode(node)) {
    const objects = type.isUnion() ? type.types.filter((t) => t.flags & ts.TypeFlags.Object) : [type];
    const literals = node.types.filter((t) => ts.isTypeLiteralNode(t) || ts.isArrayTypeNode(t));
    literals.forEach((literal, i) => objects[i] && carryDocs(checker, literal, objects[i]));
    return;
  }
  if (ts.isArrayTypeNode(node)) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (element) carryDocs(checker, node.elementType, element);
    return;
  }
  if (ts.isParenthesizedTypeNode(node)) return carryDocs(checker, node.type, type);
  if (!ts.isTypeLiteralNode(node)) return;
  for (const member of node.members) {
    if (!ts.isPropertySignature(member) || !member.name) continue;
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    const property = name === undefined ? undefined : checker.getPropertyOfType(type, name);
    if (!property) continue;
    const text = jsDocText(checker, property);
    if (text) ts.addSyntheticLeadingComment(member, ts.SyntaxKind.MultiLineCommentTrivia, text, true);
    if (member.type) carryDocs(checker, member.type, checker.getNonNullableType(checker.getTypeOfSymbol(property)));
  }
}

function jsDocText(checker, symbol) {
  const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
  const tags = symbol.getJsDocTags(checker).map((tag) => `@${tag.name}${tag.text ? ` ${ts.displayPartsToString(tag.text)}` : ''}`);
  const lines = [...(docs ? docs.split('\n') : []), ...tags];
  if (lines.length === 0) return undefined;
  return `*\n${lines.map((l) => ` * ${l.replace(/\*\//g, '*\\/')}`).join('\n')}\n `;
}

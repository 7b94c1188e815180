// Rewrites the published declaration of `DefinitionInput` (dist/define/schema/definition.d.ts)
// from `z.input<typeof definitionSchema>` to the plain object types TypeScript infers from it.
//
// Why: every type checker works `z.input<...>` out again through zod's generic machinery, and an
// editor makes a new checker after every keystroke. On the example definitions that was ~520 ms of
// CPU per edit, against ~150 ms with the plain type (npm run bench -- editor). The schema stays the
// single source: the plain type is printed from it by TypeScript at build time, and the build
// fails unless the two are the same type (checked both ways by a compile of the staged output).
import { writeFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const DECLARATION = 'define/schema/definition.d.ts';
const SOURCE = fileURLToPath(new URL('../src/define/schema/definition.ts', import.meta.url));
const ALIAS = 'DefinitionInput';
const SCHEMA_FORM = 'export type DefinitionInput = z.input<typeof definitionSchema>;';
/** Aliases the printed type refers to by name (the 2,726-name FieldPathInput stays one name). */
const IMPORTS = [
  "import type { FieldPathInput } from './text.js';",
  "import type { SeverityNumber } from '../../incident/severity.js';",
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

/** Flattens DefinitionInput in the staged dist folder; throws with the reason when it cannot. */
export function flattenDefinitionInput(distDir) {
  const file = path.join(distDir, DECLARATION);
  const original = readFileSync(file, 'utf8');
  if (!original.includes(SCHEMA_FORM)) throw new Error(`${file} no longer declares ${ALIAS} as z.input of the schema`);

  // Printed from the source, not the emitted declaration: declaration emit drops the JSDoc of the
  // schema's properties, and the source keeps it, so authors get each option's doc on hover.
  const program = ts.createProgram([SOURCE], COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SOURCE);
  const alias = source.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === ALIAS);
  const type = checker.getTypeAtLocation(alias.name);
  const flags = ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.InTypeAlias | ts.NodeBuilderFlags.UseAliasDefinedOutsideCurrentScope | ts.NodeBuilderFlags.MultilineObjectLiterals;
  const node = checker.typeToTypeNode(type, alias, flags);
  carryDocs(checker, node, type);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const printed = printer.printNode(ts.EmitHint.Unspecified, node, source);

  const rewritten = original.replace(
    SCHEMA_FORM,
    `${IMPORTS.join('\n')}\n/** A definition as authors write it: the input type of the schema above, printed by TypeScript at build time. */\nexport type ${ALIAS} = ${printed};`,
  );
  writeFileSync(file, rewritten);

  // The proof that nothing was lost: the plain type and the schema's input type are identical.
  const probe = path.join(distDir, `define/schema/__definition-input-equal.ts`);
  writeFileSync(probe, [
    "import type { z } from 'zod';",
    `import type { ${ALIAS}, definitionSchema } from './definition.js';`,
    'type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;',
    `export const same: Same<${ALIAS}, z.input<typeof definitionSchema>> = true;`,
    '',
  ].join('\n'));
  try {
    const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([probe], COMPILER_OPTIONS));
    if (diagnostics.length > 0) {
      writeFileSync(file, original);
      const text = ts.formatDiagnostics(diagnostics.slice(0, 5), { getCanonicalFileName: (f) => f, getCurrentDirectory: () => distDir, getNewLine: () => '\n' });
      throw new Error(`the printed ${ALIAS} is not the schema's input type:\n${text}`);
    }
  } finally {
    rmSync(probe, { force: true });
  }
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

import { Node, SyntaxKind } from './ts-morph.cjs';

/**
 * What a definition's source says, read without running it: literals are known, anything
 * computed is `unknown` (rules then stay silent rather than guess). Every value keeps its
 * node, so a finding points at the exact place in the source.
 */
export type StaticValue =
  | { kind: 'string'; value: string; node: Node }
  | { kind: 'number'; value: number; node: Node }
  | { kind: 'boolean'; value: boolean; node: Node }
  | { kind: 'array'; items: StaticValue[]; node: Node }
  | { kind: 'object'; properties: Map<string, StaticProperty>; node: Node }
  | { kind: 'unknown'; node: Node };

/** A property of an object literal: its name node and its value. */
export interface StaticProperty {
  name: string;
  /** The whole `key: value` assignment (where a property-level finding points). */
  node: Node;
  /** The key (where a finding about the name points). */
  keyNode: Node;
  value: StaticValue;
}

export type StaticString = Extract<StaticValue, { kind: 'string' }>;
export type StaticObject = Extract<StaticValue, { kind: 'object' }>;

/** How deep `const` references are followed: a guard against `const a = b, b = a`. */
const MAX_REFERENCE_DEPTH = 8;

/** Reads an expression as a static value. */
export function staticValue(node: Node, depth = 0): StaticValue {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) ||
    Node.isTypeAssertion(node) || Node.isNonNullExpression(node)) {
    return staticValue(node.getExpression(), depth);
  }
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
    return { kind: 'string', value: node.getLiteralValue(), node };
  }
  if (Node.isNumericLiteral(node)) return { kind: 'number', value: node.getLiteralValue(), node };
  if (Node.isPrefixUnaryExpression(node) && Node.isNumericLiteral(node.getOperand())) {
    const operand = (node.getOperand() as import('ts-morph').NumericLiteral).getLiteralValue();
    const op = node.getOperatorToken();
    if (op === SyntaxKind.MinusToken) return { kind: 'number', value: -operand, node };
    if (op === SyntaxKind.PlusToken) return { kind: 'number', value: operand, node };
  }
  if (Node.isTrueLiteral(node)) return { kind: 'boolean', value: true, node };
  if (Node.isFalseLiteral(node)) return { kind: 'boolean', value: false, node };
  if (Node.isArrayLiteralExpression(node)) {
    return { kind: 'array', items: node.getElements().map((e) => staticValue(e, depth)), node };
  }
  if (Node.isObjectLiteralExpression(node)) return staticObject(node, depth);
  if (Node.isIdentifier(node) && depth < MAX_REFERENCE_DEPTH) {
    const initializer = constInitializer(node);
    if (initializer) return staticValue(initializer, depth + 1);
  }
  return { kind: 'unknown', node };
}

function staticObject(node: import('ts-morph').ObjectLiteralExpression, depth: number): StaticObject {
  const properties = new Map<string, StaticProperty>();
  for (const p of node.getProperties()) {
    if (Node.isPropertyAssignment(p)) {
      const name = propertyName(p.getNameNode());
      const initializer = p.getInitializer();
      if (name !== undefined && initializer) {
        properties.set(name, { name, node: p, keyNode: p.getNameNode(), value: staticValue(initializer, depth) });
      }
    } else if (Node.isShorthandPropertyAssignment(p)) {
      const name = p.getName();
      properties.set(name, { name, node: p, keyNode: p.getNameNode(), value: staticValue(p.getNameNode(), depth) });
    }
    // Spreads and methods are left out: their keys are not known statically.
  }
  return { kind: 'object', properties, node };
}

/** The text of a property name: `a`, `'a.b'`, `1`; undefined for computed names. */
function propertyName(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const inner = staticValue(name.getExpression());
    if (inner.kind === 'string') return inner.value;
  }
  return undefined;
}

/** The initializer of the `const` this identifier names, when it is declared in the same file. */
function constInitializer(id: import('ts-morph').Identifier): Node | undefined {
  const name = id.getText();
  for (const statement of id.getSourceFile().getVariableStatements()) {
    if (statement.getDeclarationKind() !== 'const') continue;
    for (const declaration of statement.getDeclarations()) {
      if (declaration.getName() === name) return declaration.getInitializer();
    }
  }
  return undefined;
}

/** The property at a path of names, e.g. `['xsoar', 'labels']`. */
export function propertyAt(object: StaticObject, path: readonly string[]): StaticProperty | undefined {
  let current: StaticValue = object;
  let found: StaticProperty | undefined;
  for (const key of path) {
    if (current.kind !== 'object') return undefined;
    found = current.properties.get(key);
    if (!found) return undefined;
    current = found.value;
  }
  return found;
}

/** Every string of a value, nested or not (for rules that read all text, such as secrets). */
export function* staticStrings(value: StaticValue): Generator<StaticString> {
  if (value.kind === 'string') yield value;
  else if (value.kind === 'array') for (const item of value.items) yield* staticStrings(item);
  else if (value.kind === 'object') for (const p of value.properties.values()) yield* staticStrings(p.value);
}

/** The strings of a value that is one string or a list of strings (`query_key`, `labels`). */
export function stringOrList(value: StaticValue): StaticString[] {
  if (value.kind === 'string') return [value];
  if (value.kind === 'array') return value.items.filter((i): i is StaticString => i.kind === 'string');
  return [];
}

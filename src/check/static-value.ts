import { SyntaxKind, ts } from './ts-morph.cjs';
import type { Node, SourceFile } from 'ts-morph';
import { constInitializer } from '../validate/default-export.js';
import { morphNodeOf } from './morph-node.js';

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

/**
 * Reads an expression of a file as a static value. The walk is over TypeScript's own nodes; the
 * ts-morph node of a value is made only when a rule asks for it (to place a finding): wrapping
 * every node of every definition cost `check` about 0.35 ms per definition, most of its lint time.
 */
export function staticValue(node: Node): StaticValue {
  return readValue(node.compilerNode, node.getSourceFile(), 0);
}

function readValue(node: ts.Node, file: SourceFile, depth: number): StaticValue {
  const at = lazyNode(file, node);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)) {
    return readValue(node.expression, file, depth);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return withNode({ kind: 'string', value: node.text }, at);
  if (ts.isNumericLiteral(node)) return withNode({ kind: 'number', value: numericValue(node) }, at);
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand)) {
    const operand = numericValue(node.operand);
    if (node.operator === SyntaxKind.MinusToken) return withNode({ kind: 'number', value: -operand }, at);
    if (node.operator === SyntaxKind.PlusToken) return withNode({ kind: 'number', value: operand }, at);
  }
  if (node.kind === SyntaxKind.TrueKeyword) return withNode({ kind: 'boolean', value: true }, at);
  if (node.kind === SyntaxKind.FalseKeyword) return withNode({ kind: 'boolean', value: false }, at);
  if (ts.isArrayLiteralExpression(node)) return withNode({ kind: 'array', items: node.elements.map((e) => readValue(e, file, depth)) }, at);
  if (ts.isObjectLiteralExpression(node)) return withNode({ kind: 'object', properties: readProperties(node, file, depth) }, at);
  if (ts.isIdentifier(node) && depth < MAX_REFERENCE_DEPTH) {
    const initializer = constInitializer(ts, file.compilerNode, node.getText(file.compilerNode));
    if (initializer) return readValue(initializer, file, depth + 1);
  }
  return withNode({ kind: 'unknown' }, at);
}

function readProperties(node: ts.ObjectLiteralExpression, file: SourceFile, depth: number): Map<string, StaticProperty> {
  const properties = new Map<string, StaticProperty>();
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p)) {
      const name = propertyName(p.name, file);
      if (name !== undefined) properties.set(name, property(name, p, p.name, readValue(p.initializer, file, depth), file));
    } else if (ts.isShorthandPropertyAssignment(p)) {
      const name = p.name.getText(file.compilerNode);
      properties.set(name, property(name, p, p.name, readValue(p.name, file, depth), file));
    }
    // Spreads and methods are left out: their keys are not known statically.
  }
  return properties;
}

function property(name: string, node: ts.Node, keyNode: ts.Node, value: StaticValue, file: SourceFile): StaticProperty {
  const whole = lazyNode(file, node);
  const key = lazyNode(file, keyNode);
  return {
    name,
    value,
    get node() {
      return whole();
    },
    get keyNode() {
      return key();
    },
  };
}

/** The text of a property name: `a`, `'a.b'`, `1`; undefined for computed names. */
function propertyName(name: ts.PropertyName, file: SourceFile): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.getText(file.compilerNode);
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return String(numericValue(name));
  if (ts.isComputedPropertyName(name)) {
    const inner = readValue(name.expression, file, 0);
    if (inner.kind === 'string') return inner.value;
  }
  return undefined;
}

/** A numeric literal's value as ts-morph's `getLiteralValue` reads it (TypeScript keeps the text normalized). */
function numericValue(node: ts.NumericLiteral): number {
  return node.text.includes('.') ? parseFloat(node.text) : parseInt(node.text, 10);
}

/** A value with its ts-morph node, made on first use. */
function withNode<T extends Omit<StaticValue, 'node'>>(value: T, node: () => Node): T & { node: Node } {
  return Object.defineProperty(value, 'node', { get: node, enumerable: true }) as T & { node: Node };
}

/** The file's ts-morph node for a compiler node of it, made on first use (the file itself if not found). */
function lazyNode(file: SourceFile, node: ts.Node): () => Node {
  let made: Node | undefined;
  return () => (made ??= morphNodeOf(file, node) ?? file);
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

import { ts } from '../check/ts-morph.cjs';
import type { Finding } from '../check/finding.js';
import { literalValueRange } from '../check/string-literal-offsets.js';
import { Suppressions } from '../check/suppression.js';
import { defaultExportOf, resolveExpression } from './default-export.js';
import { findingAt } from './finding-at.js';
import type { PropertyPath } from '../define/schema-issues.js';
import type { CheckedProblem } from './run-definition-checks.js';

/**
 * Turns the problems of one file into findings at file:line:col: each property path is followed
 * through the source's `export default defineAlert({...})` object literal (and `const`s of the
 * same file) to the property, its key, or the characters inside its string. A path the source
 * does not spell out (a spread, an imported value) lands on the nearest place it does.
 * Comments that turn checks off apply, except to required checks. Pure.
 */
export function locateProblems(sf: ts.SourceFile, problems: readonly CheckedProblem[], suppressions = Suppressions.of(sf)): Finding[] {
  const root = definitionObject(sf);
  const findings: Finding[] = [];
  for (const problem of problems) {
    const { start, end } = problemRange(sf, root, problem);
    if (!problem.required && suppressions.has(problem.ruleId, start)) continue;
    findings.push({ ...findingAt(sf, start, end, problem), file: problem.file });
  }
  return findings;
}

function problemRange(sf: ts.SourceFile, root: ts.Expression | undefined, problem: CheckedProblem): { start: number; end: number } {
  if (!root) return { start: 0, end: 0 };
  const found = follow(sf, root, problem.path);
  if (!found.complete) return span(sf, found.property?.name ?? found.node);
  if (problem.key && found.property) return span(sf, found.property.name);
  const node = found.node;
  if (problem.range && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
    return literalValueRange(node.getStart(sf), node.getText(sf), problem.range.start, problem.range.end);
  }
  return span(sf, node);
}

function span(sf: ts.SourceFile, node: ts.Node): { start: number; end: number } {
  return { start: node.getStart(sf), end: node.end };
}

interface Followed {
  /** The deepest node the path reached. */
  node: ts.Node;
  /** The property assignment holding it, when it is an object's property. */
  property?: ts.ObjectLiteralElementLike & { name: ts.PropertyName };
  complete: boolean;
}

/** Follows a property path through object and array literals, as far as the source spells it out. */
function follow(sf: ts.SourceFile, root: ts.Expression, path: PropertyPath): Followed {
  let node: ts.Expression = root;
  let property: Followed['property'];
  for (const step of path) {
    const value = resolve(sf, node);
    if (typeof step === 'number' && ts.isArrayLiteralExpression(value)) {
      const element = value.elements[step];
      if (!element || value.elements.slice(0, step + 1).some(ts.isSpreadElement)) return { node, ...(property ? { property } : {}), complete: false };
      node = element;
      property = undefined;
      continue;
    }
    if (typeof step === 'string' && ts.isObjectLiteralExpression(value)) {
      const match = [...value.properties].reverse().find((p) => p.name !== undefined && propertyName(sf, p.name) === step);
      if (match && ts.isPropertyAssignment(match)) {
        node = match.initializer;
        property = match;
        continue;
      }
      if (match && ts.isShorthandPropertyAssignment(match)) {
        node = match.name;
        property = match;
        continue;
      }
    }
    return { node, ...(property ? { property } : {}), complete: false };
  }
  return { node: resolve(sf, node), ...(property ? { property } : {}), complete: true };
}

function propertyName(sf: ts.SourceFile, name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const inner = resolve(sf, name.expression);
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  }
  return undefined;
}

/** The expression the file default-exports, with a `defineAlert(...)` call unwrapped to its argument. */
function definitionObject(sf: ts.SourceFile): ts.Expression | undefined {
  const exported = defaultExportOf(ts, sf);
  if (!exported) return undefined;
  const call = resolve(sf, exported.expression);
  return ts.isCallExpression(call) && call.arguments[0] ? call.arguments[0] : exported.expression;
}

function resolve(sf: ts.SourceFile, node: ts.Expression): ts.Expression {
  return resolveExpression(ts, sf, node);
}

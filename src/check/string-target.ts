import type { Node, SourceFile } from 'ts-morph';
import type { FindingTarget } from './lint-rule.js';
import { literalValueRange } from './string-literal-offsets.js';

/**
 * A finding target for characters `start`..`end` of a string literal's value, at their exact
 * place in the source (past the quote, escapes accounted for).
 */
export function rangeInString(literal: Node, start: number, end: number): FindingTarget {
  return rangeInLiteral(literal.getSourceFile(), literal.getStart(), literal.getText(), start, end);
}

/** `rangeInString` for a literal known by its file, start offset and source text (`raw`, quotes included). */
export function rangeInLiteral(file: SourceFile, literalStart: number, raw: string, start: number, end: number): FindingTarget {
  return { file, ...literalValueRange(literalStart, raw, start, end) };
}

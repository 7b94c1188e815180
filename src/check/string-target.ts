import type { Node, SourceFile } from 'ts-morph';
import type { FindingTarget } from './lint-rule.js';
import { sourceLengthAt, valueToSourceOffsets } from './string-literal-offsets.js';

/**
 * A finding target for characters `start`..`end` of a string literal's value, at their exact
 * place in the source (past the quote, escapes accounted for).
 */
export function rangeInString(literal: Node, start: number, end: number): FindingTarget {
  return rangeInLiteral(literal.getSourceFile(), literal.getStart(), literal.getText(), start, end);
}

/** `rangeInString` for a literal known by its file, start offset and source text (`raw`, quotes included). */
export function rangeInLiteral(file: SourceFile, literalStart: number, raw: string, start: number, end: number): FindingTarget {
  const offsets = valueToSourceOffsets(raw);
  const last = offsets.length - 1;
  const at = (i: number) => offsets[Math.min(Math.max(i, 0), last)]!;
  const from = literalStart + at(start);
  // The end is just past the last character of the range, not the start of the next one.
  const to = end > start ? literalStart + at(end - 1) + sourceLengthAt(raw, at(end - 1)) : from + 1;
  return { file, start: from, end: Math.max(to, from + 1) };
}

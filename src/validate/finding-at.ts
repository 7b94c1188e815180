import type { ts } from 'ts-morph';
import type { Finding } from '../check/finding.js';

/** What a finding says, before it has a place. */
export type FindingText = Pick<Finding, 'ruleId' | 'level' | 'message' | 'fix'>;

/** A finding at source offsets `start`..`end` of a parsed file (1-based lines and columns). */
export function findingAt(sf: ts.SourceFile, start: number, end: number, text: FindingText): Finding {
  const from = sf.getLineAndCharacterOfPosition(start);
  const to = sf.getLineAndCharacterOfPosition(Math.max(end, start));
  const finding: Finding = {
    ruleId: text.ruleId,
    level: text.level,
    message: text.message,
    file: sf.fileName,
    line: from.line + 1,
    column: from.character + 1,
    endLine: to.line + 1,
    endColumn: to.character + 1,
  };
  if (text.fix) finding.fix = text.fix;
  return finding;
}

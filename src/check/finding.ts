/** How serious a finding is: `error` fails `check` (exit 1), `warning` is reported only. */
export type FindingLevel = 'error' | 'warning';

/**
 * One problem `check` found, as data: reporters turn findings into text, JSON, GitHub
 * annotations or SARIF. Lines and columns are 1-based; columns count UTF-16 code units,
 * as editors and the TypeScript compiler do.
 */
export interface Finding {
  /** The lint rule's stable id, or `typescript` for a compiler diagnostic. */
  ruleId: string;
  level: FindingLevel;
  /** One line saying what is wrong. */
  message: string;
  /** What to do about it, when there is a clear answer. */
  fix?: string;
  /** Absolute path of the file. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The rule id of findings that are TypeScript diagnostics. */
export const TYPESCRIPT_RULE_ID = 'typescript';

/** Orders findings by file, then position, then rule id: output never depends on discovery order. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** Counts findings per level. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.level === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

import { countFindings, type Finding } from '../finding.js';
import { displayPath } from '../display-path.js';

/**
 * Findings as one JSON document for scripts: `{ findings, errorCount, warningCount }`, file
 * names relative to `cwd`, keys in a fixed order, optional keys only when set.
 */
export function formatJson(findings: readonly Finding[], cwd: string): string {
  const { errors, warnings } = countFindings(findings);
  const out = {
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.level,
      message: f.message,
      ...(f.fix !== undefined ? { fix: f.fix } : {}),
      file: displayPath(cwd, f.file),
      line: f.line,
      column: f.column,
      ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
      ...(f.endColumn !== undefined ? { endColumn: f.endColumn } : {}),
    })),
    errorCount: errors,
    warningCount: warnings,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

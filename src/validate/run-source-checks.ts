import type { ts } from 'ts-morph';
import type { Finding } from '../check/finding.js';
import type { RuleSetting } from '../check/rule-levels.js';
import type { Suppressions } from '../check/suppression.js';
import type { SourceCheck } from './source-check.js';

/**
 * Runs source checks over one parsed file, as findings: a check's level as `check.rules` sets
 * it, and no finding a comment turns off. Pure; `api` is the TypeScript API the file was parsed with.
 */
export function runSourceChecks(
  api: typeof ts,
  sf: ts.SourceFile,
  checks: readonly SourceCheck[],
  settings: ReadonlyMap<string, RuleSetting | undefined>,
  suppressions: Suppressions,
): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    const setting = settings.get(check.id);
    if (setting === 'off' || !check.mayReport(sf.text)) continue;
    check.checkSource({
      sf,
      ts: api,
      report(problem) {
        if (suppressions.has(check.id, problem.start)) return;
        const from = sf.getLineAndCharacterOfPosition(problem.start);
        const to = sf.getLineAndCharacterOfPosition(Math.max(problem.end, problem.start));
        const finding: Finding = {
          ruleId: check.id,
          level: setting ?? problem.level ?? check.level,
          message: problem.message,
          file: sf.fileName,
          line: from.line + 1,
          column: from.character + 1,
          endLine: to.line + 1,
          endColumn: to.character + 1,
        };
        if (problem.fix) finding.fix = problem.fix;
        findings.push(finding);
      },
    });
  }
  return findings;
}

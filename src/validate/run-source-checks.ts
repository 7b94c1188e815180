import type { ts } from 'ts-morph';
import type { Finding } from '../check/finding.js';
import type { RuleSetting } from '../check/rule-levels.js';
import type { Suppressions } from '../check/suppression.js';
import { findingAt } from './finding-at.js';
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
        const level = setting ?? problem.level ?? check.level;
        findings.push(findingAt(sf, problem.start, problem.end, { ...problem, ruleId: check.id, level }));
      },
    });
  }
  return findings;
}

import type { ts } from 'ts-morph';
import type { FindingLevel } from '../check/finding.js';

/** One problem a source check found, by offsets in the file. */
export interface SourceProblem {
  start: number;
  end: number;
  message: string;
  fix?: string;
  level?: FindingLevel;
}

export interface SourceCheckContext {
  sf: ts.SourceFile;
  /** The TypeScript API, passed in: `build` loads it only for files a check may report on. */
  ts: typeof ts;
  report(problem: SourceProblem): void;
}

/**
 * A check of what a definition file says rather than what it evaluates to (a read of the clock,
 * a second `defineAlert` call), run by `build`, `check` and `test` alike. Pure.
 */
export interface SourceCheck {
  /** Stable, kebab-case; what suppression comments and `check.rules` name. */
  id: string;
  level: FindingLevel;
  /** One line for docs and SARIF. */
  doc: string;
  /** A cheap test of the file's text: false means the check has nothing to report, so the file need not be parsed. */
  mayReport(text: string): boolean;
  checkSource(context: SourceCheckContext): void;
}

import type { PlannedIncident } from '../../incident/incident-body.js';

/** What one test case gave. */
export interface CaseResult {
  name: string;
  passed: boolean;
  /** Alerts ElastAlert would send (command runs). */
  alerts: number;
  /** Matches the rule type produced, before realert. */
  matches: number;
  /** The incidents those alerts create, as the runtime plans them. */
  incidents: PlannedIncident[];
  /** One line per difference from the expectation, or the error that stopped the case. */
  failures: string[];
}

/** What one detection's tests gave. */
export interface DetectionResult {
  /** The definition id (or file name when it did not load). */
  id: string;
  /** The definition file, relative to the working directory. */
  file: string;
  cases: CaseResult[];
  /** Problems with the detection itself: it did not load, or lacks cases with --require-tests. */
  problems: string[];
}

/** Each case is a unit; a detection problem is one more failed unit. */
export function tally(results: DetectionResult[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const d of results) {
    for (const c of d.cases) c.passed ? passed++ : failed++;
    failed += d.problems.length;
  }
  return { passed, failed };
}

export function summaryLine(results: DetectionResult[]): string {
  const { passed, failed } = tally(results);
  return `${passed} passed, ${failed} failed`;
}

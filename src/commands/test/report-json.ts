import { tally, type DetectionResult } from './case-result.js';

/** One JSON document: every detection, case, difference and planned incident body. */
export function reportJson(results: DetectionResult[]): string {
  const { passed, failed } = tally(results);
  const detections = results.map((d) => ({
    id: d.id,
    file: d.file,
    passed: d.problems.length === 0 && d.cases.every((c) => c.passed),
    problems: d.problems,
    cases: d.cases.map((c) => ({
      name: c.name,
      passed: c.passed,
      alerts: c.alerts,
      matches: c.matches,
      failures: c.failures,
      incidents: c.incidents.map((i) => ({ key: i.key, body: i.body, missingFields: i.missingFields })),
    })),
  }));
  return `${JSON.stringify({ passed, failed, detections }, null, 2)}\n`;
}

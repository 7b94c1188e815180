import { summaryLine, type DetectionResult } from './case-result.js';
import { incidentPreviewLines } from './incident-preview.js';

/**
 * Text for people: one line per detection and per case, the differences under a failing case
 * with a preview of the incident it did get, and the closing `N passed, N failed` line.
 */
export function reportPretty(results: DetectionResult[]): string {
  const lines: string[] = [];
  for (const d of results) {
    const ok = d.problems.length === 0 && d.cases.every((c) => c.passed);
    lines.push(`${ok ? 'PASS' : 'FAIL'} ${d.id} (${d.file})`);
    for (const p of d.problems) lines.push(`  ✗ ${p}`);
    for (const c of d.cases) {
      const counts = `${c.alerts} alert${c.alerts === 1 ? '' : 's'}, ${c.incidents.length} incident${c.incidents.length === 1 ? '' : 's'}`;
      lines.push(`  ${c.passed ? '✓' : '✗'} ${c.name} (${counts})`);
      if (c.passed) continue;
      for (const f of c.failures) lines.push(`      ${f}`);
      const first = c.incidents[0];
      if (first) {
        const [head, ...rest] = incidentPreviewLines(first);
        lines.push(`      first incident: ${head}`, ...rest.map((l) => `      ${l}`));
      }
    }
  }
  lines.push(summaryLine(results));
  return `${lines.join('\n')}\n`;
}

import { summaryLine, type DetectionResult } from './case-result.js';

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
        const b = first.body;
        lines.push(`      first incident: ${JSON.stringify(b.name)} severity ${b.severity}, type ${JSON.stringify(b.type)}`);
        lines.push(`        details: ${JSON.stringify(b.details)}`);
        const labels = b.labels.filter((l) => !l.type.startsWith('alertsmith.')).map((l) => `${l.type}=${l.value}`);
        if (labels.length > 0) lines.push(`        labels: ${labels.join(', ')}`);
        if (b.CustomFields) lines.push(`        customFields: ${JSON.stringify(b.CustomFields)}`);
        if (first.missingFields.length > 0) lines.push(`        missing fields: ${first.missingFields.join(', ')}`);
      }
    }
  }
  lines.push(summaryLine(results));
  return `${lines.join('\n')}\n`;
}

import type { ImportReport, RuleImport } from './import-result.js';

/** The report as JSON: one entry per rule, the base files, and the counts. */
export function reportJson(report: ImportReport): string {
  return `${JSON.stringify({ ...report, summary: summaryOf(report.rules) }, null, 2)}\n`;
}

/** The report for people: one line per rule, its notes under it, then the counts. */
export function reportPretty(report: ImportReport): string {
  const lines: string[] = [];
  for (const r of report.rules) {
    const verb = r.status === 'not-imported' ? 'not imported' : r.status === 'imported' ? 'imported' : 'imported with notes';
    lines.push(`${r.file}: ${verb}${r.out ? ` -> ${r.out}` : ''}${r.reason ? `: ${r.reason}` : ''}`);
    for (const n of r.notes) lines.push(`  - ${n.option ? `${n.option}: ` : ''}${n.message}`);
    if (r.eventFields) lines.push(`  - eventFields: ${Object.entries(r.eventFields).map(([f, t]) => `${f} (${t})`).join(', ')}`);
  }
  for (const b of report.bases) lines.push(`${b}: base file of import:, not a rule`);
  const s = summaryOf(report.rules);
  lines.push(
    `${s.rules} rule${s.rules === 1 ? '' : 's'}: ${s.imported} imported, ${s.importedWithNotes} imported with notes, ${s.notImported} not imported${report.dryRun ? ' (dry run: nothing written)' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

export function summaryOf(rules: readonly RuleImport[]) {
  return {
    rules: rules.length,
    imported: rules.filter((r) => r.status === 'imported').length,
    importedWithNotes: rules.filter((r) => r.status === 'imported-with-notes').length,
    notImported: rules.filter((r) => r.status === 'not-imported').length,
  };
}

import { ATTACK_TACTICS } from '../../define/schema/attack.js';
import { tacticId, tacticTitle } from '../../attack/tactics.js';
import type { Coverage } from './coverage.js';
import { countedNoun } from './counted-noun.js';
import type { DetectionRecord } from './detection-record.js';

export interface SummaryInput {
  records: readonly DetectionRecord[];
  coverage: Coverage;
  /** Whether a `--tests` file was read. */
  testsRead: boolean;
  /** Detection ids of the base folder, when `--base` was given. */
  baseIds?: readonly string[];
}

/**
 * The summary for CI (`$GITHUB_STEP_SUMMARY`): counts by tactic, detections without tests or
 * without ATT&CK mapping, failing tests when a `--tests` file was read, and detections added
 * or removed against `--base`. Pure.
 */
export function summaryMarkdown(input: SummaryInput): string {
  const { records, coverage } = input;
  const covered = coverage.columns.filter((c) => c.tactic !== undefined && c.detections.length > 0).length;
  const out: string[] = ['# alertsmith report', ''];
  out.push(
    `${countedNoun(records.length, 'detection')}, ${countedNoun(coverage.techniques.length, 'ATT&CK technique')}, ${covered} of ${ATTACK_TACTICS.length} tactics covered.`,
    '',
  );

  out.push('## Coverage by tactic', '', '| Tactic | Detections | Techniques |', '| --- | ---: | ---: |');
  for (const column of coverage.columns) {
    const title = column.tactic ? `${tacticTitle(column.tactic)} (${tacticId(column.tactic)})` : 'no known tactic';
    const techniques = column.cells.filter((c) => c.technique !== undefined && c.detections.length > 0).length;
    out.push(`| ${title} | ${column.detections.length} | ${techniques} |`);
  }
  out.push('');

  const untested = records.filter((r) => r.cases === 0);
  out.push(`## Detections without tests (${untested.length})`, '');
  out.push(...(untested.length > 0 ? untested.map(item) : ['Every detection has test cases.']), '');

  const unmapped = records.filter((r) => r.tactics.length === 0 && r.techniques.length === 0);
  out.push(`## Detections without ATT&CK mapping (${unmapped.length})`, '');
  out.push(...(unmapped.length > 0 ? unmapped.map(item) : ['Every detection names a tactic or a technique.']), '');

  if (input.testsRead) {
    const failed = records.filter((r) => r.test.status === 'failed');
    const notRun = records.filter((r) => r.test.status === 'not run');
    out.push('## Test results', '');
    out.push(`${countedNoun(records.length - failed.length - notRun.length, 'detection')} passed, ${failed.length} failed, ${notRun.length} not in the test results.`, '');
    for (const r of failed) out.push(`- ${code(r.id)}: ${r.test.passed} of ${r.test.total} passed`);
    for (const r of notRun) out.push(`- ${code(r.id)}: not in the test results`);
    if (failed.length + notRun.length > 0) out.push('');
  }

  if (input.baseIds) {
    const base = new Set(input.baseIds);
    const now = new Set(records.map((r) => r.id));
    const added = records.filter((r) => !base.has(r.id));
    const removed = [...base].filter((id) => !now.has(id)).sort();
    out.push('## Changes against the base', '');
    if (added.length + removed.length === 0) out.push('No detection added or removed.', '');
    if (added.length > 0) out.push(`New (${added.length}):`, '', ...added.map(item), '');
    if (removed.length > 0) out.push(`Removed (${removed.length}):`, '', ...removed.map((id) => `- ${code(id)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function item(r: DetectionRecord): string {
  return `- ${code(r.id)} ${inline(r.name)} (${code(r.file)})`;
}

/** A code span that holds any text: fenced with more backticks than the text has in a row. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Plain text inside a markdown line: markup characters escaped, line breaks made spaces. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]|<>~])/g, '\\$1');
}

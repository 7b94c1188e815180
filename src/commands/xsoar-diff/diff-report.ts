import { escapeData, escapeProperty } from '../../check/reporters/github-reporter.js';
import type { DiffFinding } from './content-diff.js';

export const DIFF_FORMATS = ['pretty', 'json', 'github'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffReportContext {
  /** The XSOAR API URL asked. */
  url: string;
  /** How many incident types and custom fields the detections use. */
  types: number;
  fields: number;
  /** Detection id -> its file, relative to the project: GitHub annotations point at it. */
  fileOf: ReadonlyMap<string, string>;
}

export function formatDiff(findings: readonly DiffFinding[], format: DiffFormat, context: DiffReportContext): string {
  if (format === 'json') return `${JSON.stringify({ url: context.url, ok: !findings.some((f) => f.level === 'error'), findings }, null, 2)}\n`;
  if (format === 'github') return findings.map((f) => `${annotation(f, context)}\n`).join('');
  return pretty(findings, context);
}

function pretty(findings: readonly DiffFinding[], context: DiffReportContext): string {
  const uses = `${count(context.types, 'incident type')} and ${count(context.fields, 'custom field')}`;
  if (findings.length === 0) return `XSOAR at ${context.url} has the ${uses} the detections use\n`;
  const lines = findings.map((f) => `  ${f.level === 'error' ? 'error  ' : 'warning'}  ${f.message} (used by ${usedBy(f)})`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const summary = `${count(errors, 'error')}, ${count(findings.length - errors, 'warning')}`;
  return `XSOAR at ${context.url}, compared with the ${uses} the detections use:\n${lines.join('\n')}\n${summary}\n`;
}

function usedBy(f: DiffFinding): string {
  const shown = f.usedBy.slice(0, 3).join(', ');
  return f.usedBy.length > 3 ? `${shown} and ${f.usedBy.length - 3} more` : shown;
}

/** One annotation per finding, on the file of the first detection concerned. */
function annotation(f: DiffFinding, context: DiffReportContext): string {
  const file = context.fileOf.get(f.usedBy[0] ?? '');
  const properties = [...(file !== undefined ? [`file=${escapeProperty(file)}`] : []), `title=${escapeProperty(`alertsmith xsoar diff ${f.kind}`)}`];
  return `::${f.level} ${properties.join(',')}::${escapeData(`${f.message} (used by ${f.usedBy.join(', ')})`)}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

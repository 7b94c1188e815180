import { countFindings, type Finding } from '../finding.js';
import { displayPath } from '../display-path.js';

export interface PrettyOptions {
  /** Folder file names are shown relative to. */
  cwd: string;
  /** ANSI colours; only for a terminal. @default false */
  color?: boolean;
  /** A file's text, for the code frame; undefined leaves the frame out. */
  sourceText?: (file: string) => string | undefined;
}

const STYLES = { red: '31', yellow: '33', dim: '2', bold: '1', cyan: '36' } as const;

/** Lines of context before and after the finding's first line in the code frame. */
const CONTEXT_LINES = 1;

/**
 * Findings for a person at a terminal: `file:line:col  level  message  rule-id`, a code frame
 * with the finding underlined, the fix, then a summary line.
 */
export function formatPretty(findings: readonly Finding[], options: PrettyOptions): string {
  const paint = (style: keyof typeof STYLES, text: string) => (options.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const textCache = new Map<string, string[] | undefined>();
  for (const f of findings) {
    const level = f.level === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    lines.push(`${paint('bold', `${displayPath(options.cwd, f.file)}:${f.line}:${f.column}`)}  ${level}  ${f.message}  ${paint('dim', f.ruleId)}`);
    if (!textCache.has(f.file)) textCache.set(f.file, options.sourceText?.(f.file)?.split(/\r?\n/));
    const source = textCache.get(f.file);
    if (source) lines.push(...codeFrame(source, f, paint));
    if (f.fix) lines.push(`  ${paint('cyan', 'fix:')} ${f.fix}`);
    lines.push('');
  }
  const { errors, warnings } = countFindings(findings);
  const summary = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  lines.push(findings.length === 0 ? 'no problems found' : errors > 0 ? paint('red', summary) : paint('yellow', summary));
  return `${lines.join('\n')}\n`;
}

function codeFrame(source: string[], f: Finding, paint: (style: keyof typeof STYLES, text: string) => string): string[] {
  const first = Math.max(1, f.line - CONTEXT_LINES);
  const last = Math.min(source.length, f.line + CONTEXT_LINES);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = source[n - 1]!.replace(/\t/g, ' ');
    const marker = n === f.line ? '>' : ' ';
    out.push(paint('dim', `${marker} ${String(n).padStart(width)} | `) + text);
    if (n === f.line) {
      const endColumn = f.endLine === f.line && f.endColumn !== undefined ? f.endColumn : text.length + 1;
      const length = Math.max(1, endColumn - f.column);
      const color = f.level === 'error' ? 'red' : 'yellow';
      out.push(paint('dim', `  ${' '.repeat(width)} | `) + ' '.repeat(f.column - 1) + paint(color, '^'.repeat(length)));
    }
  }
  return out;
}

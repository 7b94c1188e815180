import type { Finding } from '../finding.js';
import { displayPath } from '../display-path.js';

/**
 * Findings as GitHub Actions workflow commands (`::error file=...,line=...::message`), which
 * the runner turns into annotations on the pull request's diff.
 */
export function formatGithub(findings: readonly Finding[], cwd: string): string {
  return findings.map((f) => `${annotation(f, cwd)}\n`).join('');
}

function annotation(f: Finding, cwd: string): string {
  const properties = [
    `file=${escapeProperty(displayPath(cwd, f.file))}`,
    `line=${f.line}`,
    `col=${f.column}`,
    ...(f.endLine !== undefined ? [`endLine=${f.endLine}`] : []),
    // GitHub accepts endColumn only for a finding on one line.
    ...(f.endColumn !== undefined && f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
    `title=${escapeProperty(`alertsmith ${f.ruleId}`)}`,
  ];
  const message = f.fix ? `${f.message}\nfix: ${f.fix}` : f.message;
  return `::${f.level} ${properties.join(',')}::${escapeData(message)}`;
}

/** The escaping the runner undoes in a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

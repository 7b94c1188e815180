import { ts, type Project, type SourceFile } from 'ts-morph';
import type { Finding } from './finding.js';
import { TYPESCRIPT_RULE_ID } from './finding.js';

/**
 * The TypeScript diagnostics of some files of a project, as findings: syntax and type errors
 * of each file, plus the project-wide option errors. Uses the project's one program, which
 * the lint rules share, so nothing is parsed twice.
 */
export function typeDiagnostics(project: Project, files: readonly SourceFile[], fallbackFile: string): Finding[] {
  const program = project.getProgram().compilerObject;
  const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of files) {
    const sf = program.getSourceFile(file.getFilePath()) ?? file.compilerNode;
    diagnostics.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  const findings: Finding[] = [];
  for (const d of diagnostics) {
    if (d.category !== ts.DiagnosticCategory.Error && d.category !== ts.DiagnosticCategory.Warning) continue;
    findings.push(diagnosticToFinding(d, fallbackFile));
  }
  return findings;
}

function diagnosticToFinding(d: ts.Diagnostic, fallbackFile: string): Finding {
  const message = `${diagnosticMessage(d.messageText)} (TS${d.code})`;
  const level = d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
  if (!d.file || d.start === undefined) {
    return { ruleId: TYPESCRIPT_RULE_ID, level, message, file: fallbackFile, line: 1, column: 1 };
  }
  const start = d.file.getLineAndCharacterOfPosition(d.start);
  const end = d.file.getLineAndCharacterOfPosition(d.start + (d.length ?? 0));
  return {
    ruleId: TYPESCRIPT_RULE_ID,
    level,
    message,
    file: d.file.fileName,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/**
 * One line from a diagnostic's message chain. The chain's last, deepest message is usually the
 * specific one (`"host.nmae" is not assignable to ...`), the first the general one; long type
 * texts in between say little in a terminal.
 */
function diagnosticMessage(text: string | ts.DiagnosticMessageChain): string {
  if (typeof text === 'string') return oneLine(text);
  const first = oneLine(text.messageText);
  let deepest = text;
  while (deepest.next && deepest.next.length > 0) deepest = deepest.next[0]!;
  return deepest === text ? first : `${first.replace(/\.$/, '')}: ${oneLine(deepest.messageText)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

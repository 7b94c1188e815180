import { ts } from './ts-morph.cjs';
import type { Project, SourceFile } from 'ts-morph';
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

/** Assignability errors: what a definition check says better when it reports the same place. */
const ASSIGNABILITY_CODES = new Set([2322, 2345, 2353, 2559, 2561, 2739, 2740, 2741, 2769, 2820]);

/**
 * The diagnostics that are not a second report of a definition-check error. An assignability or
 * syntax error is left out when a definition-check error starts inside its span, or later on
 * the line where it starts (TypeScript often marks the property name, the check the value):
 * the misspelled label's TS2322 beside unknown-field's "did you mean", the TS2820 beside the
 * schema's "did you mean", the parser's TS1005 beside "the file does not parse". One problem,
 * one finding.
 */
export function withoutDuplicates(diagnostics: readonly Finding[], checked: readonly Finding[]): Finding[] {
  const errors = checked.filter((f) => f.level === 'error');
  return diagnostics.filter((d) => {
    const code = Number(/\(TS(\d+)\)$/.exec(d.message)?.[1]);
    if (!ASSIGNABILITY_CODES.has(code) && !(code >= 1000 && code < 2000)) return true;
    return !errors.some((f) => f.file === d.file && sameProblem(f, d));
  });
}

function sameProblem(f: Finding, d: Finding): boolean {
  const notBefore = (l1: number, c1: number, l2: number, c2: number) => l1 > l2 || (l1 === l2 && c1 >= c2);
  if (!notBefore(f.line, f.column, d.line, d.column)) return false;
  return f.line === d.line || notBefore(d.endLine ?? d.line, d.endColumn ?? d.column, f.line, f.column);
}

/** The explanation `defineAlert`'s types put in an unknown name's type (`{ unknownField: "..." }`). */
const TYPE_EXPLANATION = /\{ unknown(?:Field|Option): "((?:[^"\\]|\\.)*)"; \}/;

function diagnosticToFinding(d: ts.Diagnostic, fallbackFile: string): Finding {
  const text = diagnosticMessage(d.messageText);
  const explained = TYPE_EXPLANATION.exec(text);
  const message = explained ? `${JSON.parse(`"${explained[1]}"`)} (TS${d.code})` : `${text} (TS${d.code})`;
  const level = d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
  const fix = explained
    ? 'fix the spelling, or declare the field in eventFields (or CustomEventFields for every definition)'
    : d.code < 2000
      ? 'TypeScript cannot read the code here: look for a missing comma, bracket or quote'
      : 'TypeScript found values that do not fit their types here (tsc and your editor say the same): change the code so they do';
  if (!d.file || d.start === undefined) {
    return { ruleId: TYPESCRIPT_RULE_ID, level, message, fix, file: fallbackFile, line: 1, column: 1 };
  }
  const start = d.file.getLineAndCharacterOfPosition(d.start);
  const end = d.file.getLineAndCharacterOfPosition(d.start + (d.length ?? 0));
  return {
    ruleId: TYPESCRIPT_RULE_ID,
    level,
    message,
    fix,
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

import { resolve, sep } from 'node:path';
import { createCheckProgram, type CheckProgram } from './check-program.js';
import type { Finding } from './finding.js';
import { typeDiagnostics } from './type-diagnostics.js';

/** What type checking some of a project's files found, and what their program held. */
export interface TypeCheckResult {
  /** The TypeScript diagnostics of the files, as findings (none when only the program was asked for). */
  findings: Finding[];
  /** Every file of the program outside node_modules (absolute): what the checked files' types could depend on. */
  programFiles: string[];
  /** For each checked file, the files it imports (absolute). */
  importsOf: Record<string, string[]>;
}

export interface TypeCheckShareInput {
  cwd: string;
  /** The files to type-check (absolute). */
  files: readonly string[];
  /** Other definitions of the project that need not be roots (see `createCheckProgram`). */
  leaveOut: readonly string[];
  /** The tsconfig.json the program takes its options from, if any. */
  tsconfig: string | undefined;
  /** Where a project-wide diagnostic without a file is placed. */
  fallbackFile: string;
  /** Load ts-morph with the project's code cache (a worker thread). @default false */
  codeCache?: boolean;
}

/** Type-checks some files of a project in a program of their own: the work of one type-checking worker. */
export function typeCheckShare(input: TypeCheckShareInput): TypeCheckResult {
  return typeCheckProgram(createCheckProgram(input.cwd, input.files, { tsconfig: input.tsconfig ?? null, leaveOut: new Set(input.leaveOut) }), input.fallbackFile);
}

/** The diagnostics of a program's targets (unless `diagnostics` is false), its files, and the targets' imports. */
export function typeCheckProgram(program: CheckProgram, fallbackFile: string, diagnostics = true): TypeCheckResult {
  const { project, targets, tsconfig } = program;
  const findings = diagnostics ? typeDiagnostics(project, targets, tsconfig ?? fallbackFile) : [];
  const programFiles = project
    .getProgram()
    .compilerObject.getSourceFiles()
    .map((f) => resolve(f.fileName))
    .filter((f) => !f.includes(`${sep}node_modules${sep}`));
  const importsOf: Record<string, string[]> = {};
  for (const target of targets) importsOf[target.getFilePath()] = target.getReferencedSourceFiles().map((r) => r.getFilePath() as string);
  return { findings, programFiles, importsOf };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';

/** Compiler options when the project has no tsconfig.json: those alertsmith's own templates use. */
const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** The one ts-morph project of a check run, and the source files of its targets in it. */
export interface CheckProgram {
  project: Project;
  targets: SourceFile[];
  /** The tsconfig.json the options came from, if any. */
  tsconfig?: string;
}

/**
 * Builds the ts-morph project `check` type-checks and lints: the program `tsc -p tsconfig.json`
 * would build (so module augmentations and ambient declarations count), plus the targets if the
 * tsconfig does not include them. Every file is parsed once and shared by diagnostics and lint.
 */
export function createCheckProgram(cwd: string, targetFiles: readonly string[]): CheckProgram {
  const tsconfig = join(cwd, 'tsconfig.json');
  const hasTsconfig = existsSync(tsconfig);
  const project = hasTsconfig
    ? // The program resolves imports itself: ts-morph's own resolution pass would build a second program.
      new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true })
    : new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
  const targets = targetFiles.map((file) => project.getSourceFile(file) ?? project.addSourceFileAtPath(file));
  return hasTsconfig ? { project, targets, tsconfig } : { project, targets };
}

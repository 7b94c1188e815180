import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Project, ts } from './ts-morph.cjs';
import type { SourceFile } from 'ts-morph';

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

export interface CheckProgramOptions {
  /**
   * Definitions the cache answered for (absolute): they need not be roots of the program. Each
   * is left out unless its text may declare something global (a script with no import or
   * export, `declare global`, `declare module`), so the targets' types are those of the whole
   * project; one a target imports is loaded through that import. @default none
   */
  leaveOut?: ReadonlySet<string>;
  /** Reads a file's text (the caller's per-run reader). @default ts.sys.readFile */
  readText?: (file: string) => string | undefined;
}

/**
 * Builds the ts-morph project `check` type-checks and lints: the program `tsc -p tsconfig.json`
 * would build (so module augmentations and ambient declarations count), plus the targets if the
 * tsconfig does not include them. Every file is parsed once and shared by diagnostics and lint.
 * With `leaveOut`, a check after editing one file parses that file and what it imports, not
 * the thousand definitions around it.
 */
export function createCheckProgram(cwd: string, targetFiles: readonly string[], options: CheckProgramOptions = {}): CheckProgram {
  const tsconfig = join(cwd, 'tsconfig.json');
  const hasTsconfig = existsSync(tsconfig);
  const leaveOut = options.leaveOut ?? new Set<string>();
  const project = hasTsconfig
    ? // The program resolves imports itself: ts-morph's own resolution pass would build a second program.
      new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true, skipAddingFilesFromTsConfig: leaveOut.size > 0 })
    : new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
  if (leaveOut.size > 0) {
    const readText = options.readText ?? ((file: string) => ts.sys.readFile(file));
    // Without a tsconfig, the definitions checked are the program's roots, as the targets are.
    const roots = new Set([...(hasTsconfig ? tsconfigFiles(tsconfig) : []), ...leaveOut]);
    for (const file of roots) {
      if (leaveOut.has(file) && !mayDeclareGlobally(readText(file) ?? '')) continue;
      if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
    }
  }
  const targets = targetFiles.map((file) => project.getSourceFile(file) ?? project.addSourceFileAtPath(file));
  return hasTsconfig ? { project, targets, tsconfig } : { project, targets };
}

/** The files `tsc -p` would take as roots (absolute). */
function tsconfigFiles(tsconfig: string): string[] {
  const read = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  if (read.error) return [];
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig).fileNames.map((f) => resolve(f));
}

/**
 * False only for a module that cannot change the types other files see: it has an import or
 * export (a file without is a script, whose declarations are global) and no `declare global`
 * or `declare module`. A text test, so it may keep a file it need not (a comment naming them).
 */
export function mayDeclareGlobally(text: string): boolean {
  if (/\bdeclare\s+(global|module)\b/.test(text)) return true;
  return !/^\s*(import|export)\b/m.test(text);
}

/**
 * The targets parsed, with no program: what the lint rules read when worker threads do the type
 * checking (type-check-workers.ts), so the main thread never builds a program of its own.
 */
export function parseOnlyProgram(targetFiles: readonly string[]): CheckProgram {
  const project = new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS, skipFileDependencyResolution: true });
  return { project, targets: targetFiles.map((file) => project.addSourceFileAtPath(file)) };
}

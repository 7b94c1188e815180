import { dirname, resolve } from 'node:path';
import { projectTsconfig, tsconfigChain } from './project-tsconfig.js';
import type { WarmProject } from './warm-project.js';
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
   * Definitions the cache answered for (absolute): like the tsconfig's other files, they are
   * roots of the program only when they may declare something global. @default none
   */
  leaveOut?: ReadonlySet<string>;
  /** The tsconfig.json whose options the program takes; null for none. @default projectTsconfig(cwd) */
  tsconfig?: string | null;
  /** The project kept between the runs of `check --watch`, to take the parsed declarations from. @default none */
  warm?: WarmProject;
  /** Reads a file's text (the caller's per-run reader). @default ts.sys.readFile */
  readText?: (file: string) => string | undefined;
}

/**
 * Builds the ts-morph project `check` type-checks and lints: the targets, with the compiler
 * options of the tsconfig (see `projectTsconfig`), and of the tsconfig's other files those that
 * may declare something global (a script with no import or export, `declare global`, `declare
 * module`: the field augmentations). Any other module can change a target's types only by being imported, and is
 * then loaded through that import. So the targets get the diagnostics `tsc -p tsconfig.json`
 * gives them, without parsing and binding the rest of a project (a repository whose tsconfig
 * also holds its application code, or a thousand definitions around the one edited). Every
 * file is parsed once and shared by diagnostics and lint.
 */
export function createCheckProgram(cwd: string, targetFiles: readonly string[], options: CheckProgramOptions = {}): CheckProgram {
  const tsconfig = options.tsconfig === undefined ? projectTsconfig(cwd) : options.tsconfig ?? undefined;
  const readText = options.readText ?? ((file: string) => ts.sys.readFile(file));
  const create = () =>
    tsconfig !== undefined
      ? // The program resolves imports itself: ts-morph's own resolution pass would build a second program.
        new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true, skipAddingFilesFromTsConfig: true })
      : new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
  // A kept project serves the same options only: the tsconfig files' texts name them.
  const optionsKey = () => JSON.stringify(tsconfig === undefined ? null : tsconfigChain(tsconfig).map((file) => [file, readText(file) ?? null]));
  const project = options.warm ? options.warm.take(optionsKey(), create) : create();
  const targets = new Set(targetFiles);
  const compilerOptions = project.getCompilerOptions();
  const packageJsons = ts.createModuleResolutionCache(cwd, (f) => f, compilerOptions).getPackageJsonInfoCache();
  const detection = (file: string): ModuleDetection => ({
    options: compilerOptions,
    impliedNodeFormat: ts.getImpliedNodeFormatForFile(file, packageJsons, ts.sys, compilerOptions),
  });
  // Without a tsconfig, the other definitions stand for the project's files.
  for (const file of new Set([...(tsconfig !== undefined ? tsconfigFiles(tsconfig) : []), ...(options.leaveOut ?? [])])) {
    if (!targets.has(file) && mayDeclareGlobally(readText(file) ?? '', file, detection)) project.addSourceFileAtPath(file);
  }
  const added = targetFiles.map((file) => project.getSourceFile(file) ?? project.addSourceFileAtPath(file));
  return tsconfig !== undefined ? { project, targets: added, tsconfig } : { project, targets: added };
}

/** The files `tsc -p` would take as roots (absolute). */
function tsconfigFiles(tsconfig: string): string[] {
  const read = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  if (read.error) return [];
  return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig), undefined, tsconfig).fileNames.map((f) => resolve(f));
}

/**
 * TypeScript's own rule for when a file is a module (moduleDetection, the package.json `type`),
 * which its public typings do not name. Without it (another TypeScript), only an import or export
 * makes a module: more files in the program, never fewer.
 */
const moduleIndicatorSetter = (ts as unknown as { getSetExternalModuleIndicator?: (options: ts.CompilerOptions) => (file: ts.SourceFile) => void })
  .getSetExternalModuleIndicator;

/** What decides whether TypeScript reads a file as a module: the options, and the package.json `type` over it. */
export interface ModuleDetection {
  options: ts.CompilerOptions;
  impliedNodeFormat: ts.ResolutionMode;
}

/**
 * False only for a module that cannot change the types other files see: TypeScript reads it as a
 * module (it has an import or export, or its package.json says `"type": "module"` under
 * `module: nodenext`; a script's declarations are global) and it has no top-level `declare global`
 * or `declare module '...'`. The text is searched first; only a file that names either, or has no
 * import or export, is parsed, so a comment or a string that mentions them costs a parse, not a
 * place in the program. Without `detection`, only an import or export makes a module.
 */
export function mayDeclareGlobally(text: string, fileName = 'file.ts', detection?: (file: string) => ModuleDetection): boolean {
  const mentions = /\bdeclare\s+(global|module)\b/.test(text);
  if (!mentions && /^\s*(import|export)\b/m.test(text)) return false;
  const how = detection?.(fileName);
  const indicator = how && moduleIndicatorSetter?.(how.options);
  const sf = ts.createSourceFile(fileName, text, {
    languageVersion: ts.ScriptTarget.Latest,
    ...(how && indicator ? { impliedNodeFormat: how.impliedNodeFormat, setExternalModuleIndicator: indicator } : {}),
  });
  if (!ts.isExternalModule(sf)) return true;
  return sf.statements.some((s) => ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || (s.flags & ts.NodeFlags.GlobalAugmentation) !== 0));
}

/**
 * The targets parsed, with no program: what the lint rules read when worker threads do the type
 * checking (type-check-workers.ts), so the main thread never builds a program of its own.
 */
export function parseOnlyProgram(targetFiles: readonly string[]): CheckProgram {
  const project = new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS, skipFileDependencyResolution: true });
  return { project, targets: targetFiles.map((file) => project.addSourceFileAtPath(file)) };
}

import { statSync, type Stats } from 'node:fs';
import { fileStamp, SETTLED_MS } from '../cache/file-stamp.js';
import type { Project } from 'ts-morph';

/**
 * The ts-morph project of `check --watch`, kept from one run to the next, so that a run after a
 * save does not parse and bind again lib.d.ts and the declarations every definition imports
 * (alertsmith's, the field names): 100-150 ms of each run on a warm process. Only what was parsed
 * through an import is kept; the project's own files (the targets, the files that declare globally)
 * are taken out before each run and read again from disk. A kept file that changed on disk since
 * it was parsed, or another tsconfig, means a new project: a stale declaration is never checked
 * against. No ts-morph import here: run-check loads this before ts-morph (the code cache).
 */
export class WarmProject {
  #key: string | undefined;
  #project: Project | undefined;
  /** For each file parsed through an import (absolute), its stamp when the program was made. */
  #stamps = new Map<string, string>();
  #created = 0;

  /** Whether a project is kept (else the next run parses everything it needs). */
  get holdsProject(): boolean {
    return this.#project !== undefined;
  }

  /** How many projects were made: one while nothing but the project's own files changed. */
  get projectsCreated(): number {
    return this.#created;
  }

  /**
   * A project with no source files of its own, for options named by `key`: the one kept from the
   * last run when its key is the same and no file it parsed through an import has changed, else
   * a new one from `create`.
   */
  take(key: string, create: () => Project): Project {
    const kept = this.#project;
    if (kept && this.#key === key && [...this.#stamps].every(([file, stamp]) => stampOf(file) === stamp)) {
      for (const file of kept.getSourceFiles()) kept.removeSourceFile(file);
      return kept;
    }
    this.#project = create();
    this.#key = key;
    this.#stamps.clear();
    this.#created++;
    return this.#project;
  }

  /**
   * Records, after a run, what the project's program parsed through imports. `parsedSince` is when
   * the program was made: a file changed less than SETTLED_MS (2 s, the file stamps' rule) before
   * that may have changed again within the clock's resolution after it was read (git's "racily
   * clean" case), and is not kept.
   */
  keep(project: Project, parsedSince: number): void {
    if (project !== this.#project) return;
    const own = new Set(project.getSourceFiles().map((f) => f.getFilePath() as string));
    const program = project.getProgram().compilerObject;
    this.#stamps.clear();
    for (const file of program.getSourceFiles()) {
      if (own.has(file.fileName) || program.isSourceFileDefaultLibrary(file)) continue;
      const stat = statOf(file.fileName);
      if (!stat || !(stat.mtimeMs < parsedSince - SETTLED_MS)) {
        this.#project = undefined;
        return;
      }
      this.#stamps.set(file.fileName, fileStamp(stat));
    }
  }
}

/** A file's stamp, or `missing`. */
function stampOf(file: string): string {
  const stat = statOf(file);
  return stat ? fileStamp(stat) : 'missing';
}

/** A file's stat, or undefined when it cannot be read (gone, or a folder on its path is not one). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

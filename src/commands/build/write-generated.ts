import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AlertsmithError, EXIT } from '../../errors.js';
import { readKeptText } from '../../cache/kept-files.js';

/** The rule files in the output folder (`*.yaml`, `*.yml`, not nested), or those whose names match `pattern`, by name. */
export async function readOutputFolder(dir: string, pattern = /\.ya?ml$/): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  try {
    // Synchronous reads: thousands of small files, and a round trip through the thread pool for
    // each open, stat, read and close made reading 3,141 rules take 0.57 s instead of 0.06 s.
    for (const name of readdirSync(dir).sort()) {
      // The project server reads again only the files that changed since its last command.
      if (pattern.test(name)) files.set(name, readKeptText(path.join(dir, name)));
    }
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT' && files.size === 0) return files;
    throw outputFolderError(dir, 'read', thrown);
  }
  return files;
}

/** A file-system failure on the output folder is the user's to fix (a path that is a file, permissions, a full disk). */
function outputFolderError(dir: string, doing: 'read' | 'write', thrown: unknown): AlertsmithError {
  const e = thrown as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOTDIR' || e.code === 'EEXIST'
      ? 'a file is in the way where a folder should be'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'ENOSPC'
          ? 'no space left on the device'
          : (e.message ?? String(thrown));
  return new AlertsmithError('ALERTSMITH_OUTPUT_FOLDER', `cannot ${doing} the output folder ${dir}: ${why}`, EXIT.usage);
}

/**
 * Writes the changed files, then removes the orphaned ones. Every file is written under a
 * temporary name and renamed over its target, so no reader (ElastAlert reloading its rules
 * folder) ever sees half a rule; if any write fails, the temporary files are removed and nothing
 * has been renamed. Synchronous on purpose: the command has nothing else to do meanwhile, and
 * thousands of small files go faster without a round trip through the thread pool each.
 */
export async function applyOutputs(dir: string, writes: Map<string, string>, deletes: string[]): Promise<void> {
  try {
    await writeAll(dir, writes, deletes);
  } catch (thrown) {
    throw outputFolderError(dir, 'write', thrown);
  }
}

async function writeAll(dir: string, writes: Map<string, string>, deletes: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staged = [...writes].map(([name, text]) => ({ temp: path.join(dir, `.${name}.${process.pid}.tmp`), target: path.join(dir, name), text }));
  const written: string[] = [];
  try {
    for (const s of staged) {
      writeFileSync(s.temp, s.text);
      written.push(s.temp);
    }
  } catch (thrown) {
    for (const temp of written) rmSync(temp, { force: true });
    throw thrown;
  }
  for (const s of staged) renameSync(s.temp, s.target);
  for (const name of deletes) rmSync(path.join(dir, name), { force: true });
}

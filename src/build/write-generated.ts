import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The rule files in the output folder (`*.yaml`, `*.yml`, not nested), by name. */
export async function readOutputFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return files;
    throw thrown;
  }
  for (const name of names.sort()) {
    if (/\.ya?ml$/.test(name)) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  }
  return files;
}

/**
 * Writes the changed files, then removes the orphaned ones. Every file is written under a
 * temporary name and renamed over its target, so no reader ever sees half a rule; if any write
 * fails, the temporary files are removed and nothing has been renamed.
 */
export async function applyOutputs(dir: string, writes: Map<string, string>, deletes: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const staged = [...writes].map(([name, text]) => ({ temp: path.join(dir, `.${name}.${process.pid}.tmp`), target: path.join(dir, name), text }));
  try {
    await inBatches(staged, (s) => writeFile(s.temp, s.text));
  } catch (thrown) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw thrown;
  }
  await inBatches(staged, (s) => rename(s.temp, s.target));
  await inBatches(deletes, (name) => rm(path.join(dir, name), { force: true }));
}

/** Runs `work` over the items, a few at a time: enough to keep the file system busy, not a flood of handles. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<unknown>, size = 32): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

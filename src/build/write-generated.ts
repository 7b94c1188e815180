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
  const staged: [string, string][] = [];
  try {
    for (const [name, text] of writes) {
      const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
      await writeFile(temp, text);
      staged.push([temp, path.join(dir, name)]);
    }
  } catch (thrown) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw thrown;
  }
  for (const [temp, target] of staged) await rename(temp, target);
  for (const name of deletes) await rm(path.join(dir, name), { force: true });
}

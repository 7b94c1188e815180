import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
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
 * temporary name and renamed over its target, so no reader (ElastAlert reloading its rules
 * folder) ever sees half a rule; if any write fails, the temporary files are removed and nothing
 * has been renamed. Synchronous on purpose: the command has nothing else to do meanwhile, and
 * thousands of small files go faster without a round trip through the thread pool each.
 */
export async function applyOutputs(dir: string, writes: Map<string, string>, deletes: string[]): Promise<void> {
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

import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either nothing or all of it, even after `kill -9` or a
 * power cut: a temp name in the same folder, fsync, rename over the final name. The folder
 * itself is fsync'd by the caller (once per batch, see `syncDir`) to keep batches fast.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Uint8Array[]): Promise<void> {
  const temp = join(dirname(path), `.tmp-${basename(path)}-${uniqueSuffix()}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    for (const part of Array.isArray(data) ? data : [data]) await handle.writeFile(part);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** Makes renames and creations in a folder durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a file only if the name is free (O_EXCL); answers false when it already exists. */
export async function createExclusive(path: string, data: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * pid, time and a random part: unique enough for temp names and claim tokens. Not secret, so
 * `Math.random` serves; `node:crypto` would cost start-up time (see incident/sha256.ts).
 */
export function uniqueSuffix(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Names of temp files a killed writer may leave behind. */
export function isTempName(name: string): boolean {
  return name.startsWith('.tmp-');
}

import { closeFd, fsyncFd, openFd, rename, writeFd } from './fs-async.js';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either nothing or all of it, even after `kill -9` or a
 * power cut: a temp name in the same folder, fsync, rename over the final name. The folder
 * itself is fsync'd by the caller (once per batch, see `syncDir`) to keep batches fast.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Uint8Array[]): Promise<void> {
  const temp = join(dirname(path), `.tmp-${basename(path)}-${uniqueSuffix()}`);
  const fd = await openFd(temp, 'wx', 0o600);
  try {
    for (const part of Array.isArray(data) ? data : [data]) await writeFd(fd, typeof part === 'string' ? Buffer.from(part) : part);
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
  await rename(temp, path);
}

/** Makes renames and creations in a folder durable. */
export async function syncDir(dir: string): Promise<void> {
  const fd = await openFd(dir, 'r', 0);
  try {
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
}

/** Creates a file only if the name is free (O_EXCL); answers false when it already exists. */
export async function createExclusive(path: string, data: string): Promise<boolean> {
  let fd: number;
  try {
    fd = await openFd(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await writeFd(fd, Buffer.from(data));
  } finally {
    await closeFd(fd);
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

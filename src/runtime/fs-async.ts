import type { Stats } from 'node:fs';
import { fs } from './builtins.js';

/**
 * The few asynchronous file operations the runtime uses, on `node:fs` callbacks. Importing
 * `node:fs/promises` loads Node's whole stream stack (some twenty internal modules), a large
 * part of a one-match dry run's start-up; `node:fs` is loaded before any user code anyway.
 */
function call<T>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

export const access = (path: string, mode?: number): Promise<void> => call((done) => fs.access(path, mode, done));
export const readText = (path: string): Promise<string> => call((done) => fs.readFile(path, 'utf8', done));
export const readBytes = (path: string): Promise<Buffer> => call((done) => fs.readFile(path, done));
export const stat = (path: string): Promise<Stats> => call((done) => fs.stat(path, done));
export const unlink = (path: string): Promise<void> => call((done) => fs.unlink(path, done));
export const rename = (from: string, to: string): Promise<void> => call((done) => fs.rename(from, to, done));
export const readdir = (path: string): Promise<string[]> => call((done) => fs.readdir(path, done));
/** One folder, not recursive (see state-dir.ts for why). */
export const mkdirOne = (path: string, mode: number): Promise<void> => call((done) => fs.mkdir(path, { mode }, (error) => done(error)));
export const writeText = (path: string, text: string, mode: number): Promise<void> => call((done) => fs.writeFile(path, text, { mode }, done));

export const openFd = (path: string, flags: string, mode: number): Promise<number> => call((done) => fs.open(path, flags, mode, done));
export const fsyncFd = (fd: number): Promise<void> => call((done) => fs.fsync(fd, done));
export const closeFd = (fd: number): Promise<void> => call((done) => fs.close(fd, done));

/** Writes all of `data` at the descriptor's position (short writes continue). */
export async function writeFd(fd: number, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    offset += await call<number>((done) => fs.write(fd, data, offset, data.length - offset, null, done));
  }
}

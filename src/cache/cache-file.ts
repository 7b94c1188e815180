import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileStamp } from './file-stamp.js';
import { keepingFilesBetweenCommands } from './kept-files.js';

/** What a cache file holds: its format and its entries by name. */
type Stored = { format: number; entries: Record<string, unknown> };

/**
 * When files are kept between commands (kept-files.ts), what this process last read or wrote of
 * each cache file, with the file's stamp: while the stamp is the same, the file is not read and
 * parsed again (build.json of 3,141 rules is 4.5 MB: 33 ms a run). Every write is a rename, so a
 * file written by anyone else has another inode; and an entry of any content is checked against
 * its key, so a stale one would only be a miss (no settle time needed, unlike kept-files.ts).
 */
const keptStored = new Map<string, { stamp: string; stored: Stored }>();
const kept = () => (keepingFilesBetweenCommands() ? keptStored : undefined);
/** Writes put off until `flush` (the project server writes them after its reply). */
let deferred: Map<string, Stored> | undefined;

/**
 * Puts cache writes off until the returned function is called: the project server answers its
 * client first (build.json of 3,141 rules takes ~30 ms to write). Until then this process reads
 * what it will write. A write that never happens (the process is killed) costs the next run
 * time, never its result: every entry is checked against its key.
 */
export function deferCacheWrites(): () => void {
  const pending = new Map<string, Stored>();
  deferred = pending;
  return () => {
    if (deferred === pending) deferred = undefined;
    for (const [file, stored] of pending) writeStored(file, stored);
    pending.clear();
  };
}

/**
 * The entries of a cache file in `format`, by name: none when it is missing, unreadable, not
 * JSON or of another format (each caller then checks the shape of every entry).
 */
export function readCacheFile(file: string, format: number): [string, unknown][] {
  const stored = deferred?.get(file) ?? readStored(file);
  const { format: found, entries } = (stored ?? {}) as { format?: unknown; entries?: unknown };
  if (found !== format || entries === null || typeof entries !== 'object') return [];
  return Object.entries(entries);
}

function readStored(file: string): unknown {
  try {
    const memory = kept();
    const stamp = memory ? stampOf(file) : '';
    const remembered = memory?.get(file);
    if (remembered && remembered.stamp === stamp) return remembered.stored;
    const stored = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (memory && isStored(stored)) memory.set(file, { stamp, stored });
    return stored;
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file: to a temporary name, then renamed over it, so a reader never sees half of
 * it. Answers false when it could not (a read-only or full disk costs the next run time, never
 * its result).
 */
export function writeCacheFile(file: string, format: number, entries: ReadonlyMap<string, unknown>): boolean {
  const stored = { format, entries: Object.fromEntries(entries) };
  if (deferred) {
    deferred.set(file, stored);
    return true;
  }
  return writeStored(file, stored);
}

function writeStored(file: string, stored: Stored): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(stored));
    renameSync(temporary, file);
    kept()?.set(file, { stamp: stampOf(file), stored });
    return true;
  } catch {
    kept()?.delete(file);
    return false;
  }
}

function stampOf(file: string): string {
  return fileStamp(statSync(file));
}

function isStored(value: unknown): value is Stored {
  return typeof value === 'object' && value !== null && typeof (value as Stored).format === 'number' && typeof (value as Stored).entries === 'object';
}

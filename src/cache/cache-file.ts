import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The entries of a cache file in `format`, by name: none when it is missing, unreadable, not
 * JSON or of another format (each caller then checks the shape of every entry).
 */
export function readCacheFile(file: string, format: number): [string, unknown][] {
  let stored: unknown;
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const { format: found, entries } = (stored ?? {}) as { format?: unknown; entries?: unknown };
  if (found !== format || entries === null || typeof entries !== 'object') return [];
  return Object.entries(entries);
}

/**
 * Writes a cache file: to a temporary name, then renamed over it, so a reader never sees half of
 * it. Answers false when it could not (a read-only or full disk costs the next run time, never
 * its result).
 */
export function writeCacheFile(file: string, format: number, entries: ReadonlyMap<string, unknown>): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format, entries: Object.fromEntries(entries) }));
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}

import { createHash } from 'node:crypto';
import path from 'node:path';
import { packageVersion } from '../cli/package-version.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { codeStamp } from './code-stamp.js';
import { cacheFolder } from './cache-folder.js';
import type { ContentHashes } from './content-hashes.js';

/** Bumped when what an entry holds changes shape. */
const FORMAT = 1;

interface StoredEntry {
  key: string;
  deps: string[];
  value: unknown;
}

export interface ResultCacheOptions {
  /** The project folder; the cache lives in its node_modules/.cache/alertsmith. */
  root: string;
  /** Which command's results: each gets its own file (`build`, `test`, `check`). */
  name: string;
  /** Everything besides the files that decides a result: config, options, tool versions. */
  salt: unknown;
  hashes: ContentHashes;
  /** Answers whether a stored value has the shape the command expects; other entries are misses. */
  isValue: (value: unknown) => boolean;
  /** Keep nothing on disk (`--no-cache`). @default false */
  disabled?: boolean;
}

/**
 * Per-file results of a command, kept between runs in node_modules/.cache/alertsmith. An entry
 * is keyed by the content of the file and of every file it depends on (its imports, fixtures),
 * plus the salt, so any change to any of them is a miss: the cache can skip work, never change a
 * result. A missing, unreadable or corrupt cache is an empty one; failing to write it is ignored.
 */
export class ResultCache<T> {
  private readonly entries: Map<string, StoredEntry>;
  private readonly salt: string;
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly options: ResultCacheOptions,
  ) {
    this.salt = JSON.stringify([FORMAT, options.name, packageVersion(), codeStamp(), process.version, options.salt]);
    this.entries = file ? readEntries(file) : new Map();
  }

  static open<T>(options: ResultCacheOptions): ResultCache<T> {
    const folder = cacheFolder(options.root, options.disabled);
    return new ResultCache<T>(folder !== undefined ? path.join(folder, `${options.name}.json`) : undefined, options);
  }

  /** The stored result for a file, when neither it nor anything it depends on changed. */
  get(file: string): T | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.key !== this.keyOf(file, entry.deps)) return undefined;
    return this.options.isValue(entry.value) ? (entry.value as T) : undefined;
  }

  /** Stores a file's result; `deps` are the other files it was computed from (absolute). */
  set(file: string, deps: readonly string[], value: T): void {
    const all = [...new Set([file, ...deps])].sort();
    this.entries.set(file, { key: this.keyOf(file, all), deps: all, value });
    this.changed = true;
  }

  /** Writes the cache if anything was stored (atomically: a reader never sees half a file), and the files' stamps. */
  save(): void {
    this.options.hashes.save();
    if (!this.file || !this.changed) return;
    if (writeCacheFile(this.file, FORMAT, this.entries)) this.changed = false;
  }

  private keyOf(file: string, deps: readonly string[]): string {
    const hash = createHash('sha1').update(this.salt).update('\0').update(file);
    for (const dep of deps) hash.update('\0').update(dep).update('\0').update(this.options.hashes.hash(dep));
    return hash.digest('base64url');
  }
}

function readEntries(file: string): Map<string, StoredEntry> {
  const entries = new Map<string, StoredEntry>();
  for (const [name, entry] of readCacheFile(file, FORMAT)) {
    const e = entry as Partial<StoredEntry> | null;
    if (e && typeof e.key === 'string' && Array.isArray(e.deps) && e.deps.every((d) => typeof d === 'string')) {
      entries.set(name, { key: e.key, deps: e.deps, value: e.value });
    }
  }
  return entries;
}

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { cacheFolder } from './cache-folder.js';
import { SETTLED_MS } from './file-stamp.js';

/** Bumped when a stored stamp changes shape. */
const FORMAT = 1;

/** What was read of a file, and the stat that says it is still that file. */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
  /** What `derived` computed from the text, by name. */
  derived: Record<string, unknown>;
}

export interface ContentHashesOptions {
  /** The project folder: stamps are kept in its node_modules/.cache/alertsmith/files.json. */
  root?: string;
  /** Keep nothing on disk (`--no-cache`). @default false */
  disabled?: boolean;
  /** How long after its last change a file may be stamped. @default SETTLED_MS */
  settledMs?: number;
}

/**
 * File contents and their hashes, each file read at most once per run: the cache checks, the
 * definitions folder scan and the source checks all read the same files.
 *
 * Between runs, a file whose stat (size, times, inode) is unchanged is not read again: its hash,
 * and what `derived` computed from its text, are taken from the stamp the last run kept. On a
 * project of 3,141 definitions that skips reading and hashing every file on each rebuild.
 */
export class ContentHashes {
  private readonly texts = new Map<string, string | undefined>();
  private readonly hashes = new Map<string, string>();
  private readonly stamps: Map<string, Stamp>;
  private readonly fresh = new Map<string, Stamp>();
  /** What `stamped` answered for each file this run. */
  private readonly looked = new Map<string, Stamp | undefined>();
  private readonly file: string | undefined;
  private readonly settledMs: number;

  constructor(options: ContentHashesOptions = {}) {
    this.settledMs = options.settledMs ?? SETTLED_MS;
    const folder = cacheFolder(options.root, options.disabled);
    this.file = folder !== undefined ? path.join(folder, 'files.json') : undefined;
    this.stamps = this.file ? readStamps(this.file) : new Map();
  }

  /** The file's text, or undefined when it cannot be read. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }

  /** A hash of the file's content; a file that cannot be read has its own fixed hash. */
  hash(file: string): string {
    let hash = this.hashes.get(file);
    if (hash === undefined) {
      hash = this.stamped(file)?.hash ?? this.hashOfText(file);
      this.hashes.set(file, hash);
    }
    return hash;
  }

  /**
   * `compute` over the file's text (undefined when unreadable), remembered with the file's stamp
   * under `name`: the same name must always mean the same computation.
   */
  derived<T>(file: string, name: string, compute: (text: string | undefined) => T): T {
    const stamp = this.stamped(file);
    if (stamp && name in stamp.derived) return stamp.derived[name] as T;
    const value = compute(this.text(file));
    if (stamp) {
      stamp.derived[name] = value;
      this.fresh.set(file, stamp);
    }
    return value;
  }

  /** Keeps the stamps of the files read in this run, for the next (atomically; failures cost time only). */
  save(): void {
    if (!this.file || this.fresh.size === 0) return;
    if (writeCacheFile(this.file, FORMAT, new Map([...this.stamps, ...this.fresh]))) this.fresh.clear();
  }

  /**
   * The stamp of a file unchanged since it was stamped, or a new one once it is read and settled.
   * Each file is looked at once per run (`hash` and `derived` both ask).
   */
  private stamped(file: string): Stamp | undefined {
    if (!this.file) return undefined;
    if (this.looked.has(file)) return this.looked.get(file);
    const stamp = this.stampOf(file);
    this.looked.set(file, stamp);
    return stamp;
  }

  private stampOf(file: string): Stamp | undefined {
    const known = this.stamps.get(file);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ctimeMs === stat.ctimeMs && known.ino === stat.ino) return known;
    // A text read before this stat may be older than what the stat describes: no stamp this run.
    if (!stat.isFile() || Date.now() - stat.ctimeMs < this.settledMs || this.texts.has(file)) return undefined;
    // Read now, so the text is the one the stat describes (a change after this read changes ctime).
    const text = this.text(file);
    if (text === undefined) return undefined;
    const stamp: Stamp = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, hash: hashText(text), derived: {} };
    this.fresh.set(file, stamp);
    return stamp;
  }

  private hashOfText(file: string): string {
    const text = this.text(file);
    return text === undefined ? 'unreadable' : hashText(text);
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function readStamps(file: string): Map<string, Stamp> {
  const stamps = new Map<string, Stamp>();
  for (const [name, value] of readCacheFile(file, FORMAT)) {
    const s = value as Partial<Stamp> | null;
    if (
      s &&
      typeof s.size === 'number' &&
      typeof s.mtimeMs === 'number' &&
      typeof s.ctimeMs === 'number' &&
      typeof s.ino === 'number' &&
      typeof s.hash === 'string' &&
      s.derived !== null &&
      typeof s.derived === 'object'
    ) {
      stamps.set(name, s as Stamp);
    }
  }
  return stamps;
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

/**
 * V8's code cache for the large CommonJS files `check` loads: TypeScript's 9 MB and ts-morph, which
 * Node 20 compiles again in every process. (Node 22's `module.enableCompileCache` is not used: it
 * would also keep every temporary bundle of definitions a run imports, a new entry per run.)
 * Measured: compiling typescript.js took 250-370 ms per process, 80-90 ms with the cache; a check
 * after one edit of 1,000 definitions used 2.1-2.4 s of CPU with it, 2.7-3.0 s without.
 *
 * A file's cache is V8's own data, checked by V8 against the source, the V8 version and its flags
 * (data V8 refuses is compiled afresh and written again), behind a SHA-256 of that data: a
 * release V8 does not verify its own checksum, and took damaged data in a test. It is written after
 * the work, so it holds the functions that ran, not only the top level, and written again once by
 * a run that type-checked when the one read came from a run that did not.
 */

/** How much of a file's functions a run compiled: what its code cache then holds. */
export type CompiledWork = 'loaded' | 'type-checked';
const LEVELS: Record<CompiledWork, number> = { loaded: 1, 'type-checked': 2 };

interface Loaded {
  script: Script;
  cacheFile: string;
  /** The level of the cache V8 accepted, 0 when none. */
  level: number;
}

const loaded: Loaded[] = [];

/** What `preloadWithCodeCache` did with each file: for tests and the benchmark. */
export interface CodeCacheUse {
  file: string;
  /** True when V8 used the data read for the file. */
  used: boolean;
}

/**
 * Loads CommonJS files into `require`'s cache, in order (each may require the ones before), compiled
 * with the code cache kept in `folder`. A file already loaded is left alone.
 */
export function preloadWithCodeCache(folder: string, files: readonly string[]): CodeCacheUse[] {
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  const uses: CodeCacheUse[] = [];
  for (const given of files) {
    const file = realpathSync(given);
    if (cache[file]) continue;
    const source = readFileSync(file, 'utf8');
    const cacheFile = path.join(folder, `${createHash('sha256').update(`${file}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 24)}.v8`);
    const stored = readStored(cacheFile);
    const script = new Script((Module as unknown as { wrap: (s: string) => string }).wrap(source), {
      filename: file,
      ...(stored ? { cachedData: stored.data } : {}),
    });
    const used = stored !== undefined && script.cachedDataRejected === false;
    const module = new Module(file) as Module & { filename: string; paths: string[]; loaded: boolean };
    module.filename = file;
    module.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(path.dirname(file));
    cache[file] = module;
    try {
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
      module.loaded = true;
    } catch (error) {
      delete cache[file];
      throw error;
    }
    loaded.push({ script, cacheFile, level: used ? stored.level : 0 });
    uses.push({ file, used });
  }
  return uses;
}

/**
 * Writes the code cache of every preloaded file whose cache holds less than `work` compiled:
 * after the work, so that the functions that ran are in it. A file that cannot be written costs
 * the next run time, never its result.
 */
export function saveCodeCache(work: CompiledWork): void {
  const level = LEVELS[work];
  for (const entry of loaded) {
    // Another thread or process may have written a fuller one meanwhile (the type-checking workers).
    if (entry.level >= level || (readStored(entry.cacheFile)?.level ?? 0) >= level) continue;
    try {
      mkdirSync(path.dirname(entry.cacheFile), { recursive: true });
      const temporary = `${entry.cacheFile}.${process.pid}-${threadId}.tmp`;
      const data = entry.script.createCachedData();
      writeFileSync(temporary, Buffer.concat([Buffer.from([level]), digest(data), data]));
      renameSync(temporary, entry.cacheFile);
      entry.level = level;
    } catch {
      // read-only or full disk: the next run compiles again
    }
  }
}

const DIGEST_BYTES = 16;

function digest(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest().subarray(0, DIGEST_BYTES);
}

/**
 * A cache file: its first byte is the level of work it was written after, then the digest of V8's
 * data, then the data. Undefined when it is missing or its data is not what was written.
 */
function readStored(cacheFile: string): { level: number; data: Buffer } | undefined {
  try {
    const bytes = readFileSync(cacheFile);
    const data = bytes.subarray(1 + DIGEST_BYTES);
    if (data.length === 0 || !digest(data).equals(bytes.subarray(1, 1 + DIGEST_BYTES))) return undefined;
    return { level: bytes[0]!, data };
  } catch {
    return undefined;
  }
}

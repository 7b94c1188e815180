import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Counts the reads of cache files: a file kept in memory is not read again.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, readFileSync: vi.fn(real.readFileSync) };
});

/** Fresh copies of the modules: what they keep in memory is per process. */
async function cacheFileModule(): Promise<typeof import('../../src/cache/cache-file.js') & typeof import('../../src/cache/kept-files.js')> {
  vi.resetModules();
  return { ...(await import('../../src/cache/cache-file.js')), ...(await import('../../src/cache/kept-files.js')) };
}

function cacheFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'alertsmith-cache-file-')), 'cache', 'build.json');
}

const readsOf = (file: string) => vi.mocked(fs.readFileSync).mock.calls.filter(([name]) => name === file).length;

/** Replaces a cache file as another process's write does: a new file renamed over it. */
function writtenElsewhere(file: string, entries: Record<string, unknown>): void {
  writeFileSync(`${file}.other`, JSON.stringify({ format: 1, entries }));
  renameSync(`${file}.other`, file);
}

// In braces: a function returned from beforeEach would be run as its teardown.
beforeEach(() => {
  vi.mocked(fs.readFileSync).mockClear();
});

describe('cache files, and files kept between commands', () => {
  it('read back what was written; a missing, corrupt or other-format file has no entries', async () => {
    try { cacheFile(); } catch (e) { console.log((e as Error).stack); }
    const { readCacheFile, writeCacheFile } = await cacheFileModule();
    const file = cacheFile();
    expect(readCacheFile(file, 1)).toEqual([]);
    expect(writeCacheFile(file, 1, new Map([['a.ts', { id: 'a' }]]))).toBe(true);
    expect(readCacheFile(file, 1)).toEqual([['a.ts', { id: 'a' }]]);
    expect(readCacheFile(file, 2)).toEqual([]);
    writeFileSync(file, '{"format": 1, "entr');
    expect(readCacheFile(file, 1)).toEqual([]);
  });

  it('in its own process, reads the file every time', async () => {
    const { readCacheFile, writeCacheFile } = await cacheFileModule();
    const file = cacheFile();
    writeCacheFile(file, 1, new Map([['a.ts', 1]]));
    readCacheFile(file, 1);
    readCacheFile(file, 1);
    expect(readsOf(file)).toBe(2);
  });

  it('kept in memory (the project server), reads a file again only when someone else wrote it', async () => {
    const { keepFilesBetweenCommands, readCacheFile, writeCacheFile } = await cacheFileModule();
    keepFilesBetweenCommands();
    const file = cacheFile();
    writeCacheFile(file, 1, new Map([['a.ts', 1]]));
    expect(readCacheFile(file, 1)).toEqual([['a.ts', 1]]);
    expect(readCacheFile(file, 1)).toEqual([['a.ts', 1]]);
    expect(readsOf(file)).toBe(0);

    writtenElsewhere(file, { 'b.ts': 2 });
    expect(readCacheFile(file, 1)).toEqual([['b.ts', 2]]);
    expect(readCacheFile(file, 1)).toEqual([['b.ts', 2]]);
    expect(readsOf(file)).toBe(1);
    // Changed in place (not our way of writing, but a user's editor): its stamp changes all the same.
    writeFileSync(file, JSON.stringify({ format: 1, entries: { 'c.ts': 3 } }));
    expect(readCacheFile(file, 1)).toEqual([['c.ts', 3]]);
  });

  it('put off, writes after the reply: meanwhile reads answer what will be written; a second flush writes nothing', async () => {
    const { deferCacheWrites, readCacheFile, writeCacheFile } = await cacheFileModule();
    const file = cacheFile();
    writeCacheFile(file, 1, new Map([['a.ts', 1]]));
    const flush = deferCacheWrites();
    expect(writeCacheFile(file, 1, new Map([['a.ts', 2]]))).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual({ 'a.ts': 1 });
    expect(readCacheFile(file, 1)).toEqual([['a.ts', 2]]);

    flush();
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual({ 'a.ts': 2 });
    const written = statSync(file).ino;
    flush();
    expect(statSync(file).ino).toBe(written);
    // After the flush, writes are no longer put off.
    writeCacheFile(file, 1, new Map([['a.ts', 3]]));
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual({ 'a.ts': 3 });
  });

  it('a kept text is read again when its file changed, and kept only once its file has settled', async () => {
    const { keepFilesBetweenCommands, readKeptText } = await cacheFileModule();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'alertsmith-kept-')), 'rule.yaml');
    writeFileSync(file, 'name: a\n');
    // Not kept while not settled: just written, the same clock tick could hold another change.
    expect(readKeptText(file)).toBe('name: a\n');
    keepFilesBetweenCommands();
    expect(readKeptText(file)).toBe('name: a\n');
    expect(readKeptText(file)).toBe('name: a\n');
    expect(readsOf(file)).toBe(3);

    const later = Date.now() + 5_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(readKeptText(file)).toBe('name: a\n');
      expect(readKeptText(file)).toBe('name: a\n');
      expect(readsOf(file)).toBe(4);
      writeFileSync(file, 'name: b\n');
      expect(readKeptText(file)).toBe('name: b\n');
      expect(readsOf(file)).toBe(5);
    } finally {
      clock.mockRestore();
    }
    expect(() => readKeptText(`${file}.missing`)).toThrow(/ENOENT/);
  });
});

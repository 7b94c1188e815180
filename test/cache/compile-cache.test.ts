import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preloadWithCodeCache, saveCodeCache } from '../../src/cache/compile-cache.js';

const requireCache = (Module as unknown as { _cache: Record<string, unknown> })._cache;

/** A CommonJS module: exports a value, a function over it, and what it required. */
function moduleText(value: unknown): string {
  return [
    "'use strict';",
    "const path = require('node:path');",
    `const value = ${JSON.stringify(value)};`,
    'exports.value = value;',
    'exports.describe = () => JSON.stringify(value) + path.sep;',
    'exports.file = __filename;',
    'exports.dir = __dirname;',
    'exports.same = module.exports === exports;',
  ].join('\n');
}

describe('loading CommonJS with the code cache', () => {
  it('gives the exports require gives, for any module body', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-compile-cache-'));
    let n = 0;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        n += 1;
        const mine = path.join(dir, `preloaded-${n}.cjs`);
        const theirs = path.join(dir, `required-${n}.cjs`);
        writeFileSync(mine, moduleText(value));
        writeFileSync(theirs, moduleText(value));
        preloadWithCodeCache(path.join(dir, 'v8'), [mine]);
        const preloaded = createRequire(import.meta.url)(mine);
        const required = createRequire(import.meta.url)(theirs);
        expect(preloaded.value).toEqual(required.value);
        expect(preloaded.describe()).toBe(required.describe());
        expect([preloaded.file, preloaded.dir, preloaded.same]).toEqual([mine, dir, true]);
      }),
      { numRuns: 40 },
    );
  });

  it('uses the cache a run saved, and compiles afresh and rewrites one V8 refuses', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-compile-cache-'));
    const file = path.join(dir, 'module.cjs');
    writeFileSync(file, moduleText({ a: [1, 2, 3] }));
    const v8 = path.join(dir, 'v8');
    const load = () => {
      delete requireCache[file];
      return preloadWithCodeCache(v8, [file]);
    };

    expect(load()).toEqual([{ file, used: false }]);
    saveCodeCache('loaded');
    expect(load()).toEqual([{ file, used: true }]);

    // A cache of other code (here: of a changed file) is refused, and the run's own replaces it.
    writeFileSync(file, moduleText({ b: 'changed' }));
    expect(load()).toEqual([{ file, used: false }]);
    expect(createRequire(import.meta.url)(file).value).toEqual({ b: 'changed' });
    saveCodeCache('loaded');
    expect(load()).toEqual([{ file, used: true }]);

    // Damaged bytes are refused too; loading still works.
    const [cacheFile] = readCacheFiles(v8);
    const bytes = readFileSync(cacheFile!);
    bytes.fill(7, 200, 240);
    writeFileSync(cacheFile!, bytes);
    expect(load()).toEqual([{ file, used: false }]);
    expect(createRequire(import.meta.url)(file).value).toEqual({ b: 'changed' });
  });

  it('does not replace a cache written after more work than its own', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-compile-cache-'));
    const file = path.join(dir, 'module.cjs');
    writeFileSync(file, moduleText(1));
    const v8 = path.join(dir, 'v8');
    delete requireCache[file];
    preloadWithCodeCache(v8, [file]);
    saveCodeCache('loaded');
    const [cacheFile] = readCacheFiles(v8);
    const written = readFileSync(cacheFile!);
    expect(written[0]).toBe(1);

    // This run found no cache; meanwhile a type-checking worker thread wrote its fuller one.
    delete requireCache[file];
    rmSync(cacheFile!);
    preloadWithCodeCache(v8, [file]);
    const fuller = Buffer.from(written);
    fuller[0] = 2;
    writeFileSync(cacheFile!, fuller);
    saveCodeCache('loaded');
    expect(readFileSync(cacheFile!)).toEqual(fuller);
    saveCodeCache('type-checked');
    expect(readFileSync(cacheFile!)).toEqual(fuller);
  });
});

function readCacheFiles(folder: string): string[] {
  return readdirSync(folder).filter((f) => f.endsWith('.v8')).map((f) => path.join(folder, f));
}

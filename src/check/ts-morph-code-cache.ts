import { createRequire } from 'node:module';
import path from 'node:path';
import { cacheFolder } from '../cache/cache-folder.js';
import { preloadWithCodeCache } from '../cache/compile-cache.js';

/**
 * ts-morph's CommonJS files, in load order: the TypeScript it carries, @ts-morph/common, ts-morph.
 * These are nearly all the code `check` compiles (9.6 MB of the CLI's ~11 MB).
 */
export function tsMorphFiles(): string[] {
  const tsMorph = createRequire(import.meta.url).resolve('ts-morph');
  const common = createRequire(tsMorph).resolve('@ts-morph/common');
  return [path.join(path.dirname(common), 'typescript.js'), common, tsMorph];
}

/**
 * Loads ts-morph with the code cache of the project at `root` (node_modules/.cache/alertsmith/v8),
 * before anything imports it; answers the folder, or undefined when there is no cache folder. Must
 * run before the first import of ./ts-morph.cjs in this thread to have any effect.
 */
export function preloadTsMorph(root: string, disabled = false): string | undefined {
  const folder = cacheFolder(root, disabled);
  if (folder === undefined) return undefined;
  const v8 = path.join(folder, 'v8');
  preloadWithCodeCache(v8, tsMorphFiles());
  return v8;
}

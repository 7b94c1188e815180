import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Definition modules under `dir`, nested folders too, sorted so that discovery order never shows. */
export async function findDefinitionFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isDefinitionFileName(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `.ts`/`.mts` modules; not declaration files, not tests, not helpers starting with `_`. */
export function isDefinitionFileName(name: string): boolean {
  return /\.m?ts$/.test(name) && !/\.d\.m?ts$/.test(name) && !/\.(test|spec)\.m?ts$/.test(name) && !name.startsWith('_');
}

/** The id a definition file must carry: its name without the extension. */
export function idFromFileName(file: string): string {
  return path.basename(file).replace(/\.m?ts$/, '');
}

import { isAbsolute, relative } from 'node:path';

/** A finding's file as reports show it: relative to `cwd`, with `/` separators. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return shown.split('\\').join('/');
}

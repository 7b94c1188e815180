import { isAbsolute, relative, sep } from 'node:path';

/** A file relative to `cwd` with `/` separators, `..` included (`cwd` itself is shown as the file). */
export function relativePath(cwd: string, file: string): string {
  return (relative(cwd, file) || file).split(sep).join('/');
}

/** A finding's file as reports show it: relative to `cwd` when inside it, else absolute; `/` separators. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return shown.split('\\').join('/');
}

import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where alertsmith keeps what it remembers between runs: the project's
 * node_modules/.cache/alertsmith (the folder tools share by convention), or nothing when the
 * project has no node_modules or caching is off.
 */
export function cacheFolder(root: string | undefined, disabled = false): string | undefined {
  if (root === undefined || disabled) return undefined;
  const modules = path.join(root, 'node_modules');
  try {
    return statSync(modules).isDirectory() ? path.join(modules, '.cache', 'alertsmith') : undefined;
  } catch {
    return undefined;
  }
}

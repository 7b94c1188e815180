import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * When alertsmith's own code last changed: a rebuilt dist/ (or an edited src/) is a new tool.
 * Results kept from another build of alertsmith are not reused, and a project server started by
 * one is not asked by another.
 */
export function codeStamp(): string {
  try {
    const here = fileURLToPath(import.meta.url);
    return String(statSync(path.dirname(path.dirname(here))).mtimeMs) + ':' + String(statSync(here).mtimeMs);
  } catch {
    return 'unknown';
  }
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AlertsmithError, EXIT } from '../errors.js';

/** Source files `check` reads: TypeScript modules, not declaration files. */
const SOURCE_FILE = /\.(c|m)?tsx?$/;
const DECLARATION_FILE = /\.d\.(c|m)?ts$/;

/**
 * The definition files to check, absolute and sorted: every TypeScript module under the given
 * files and folders (default: the config's definitions folder). A path that does not exist
 * is a usage error; folders named `node_modules` or starting with a dot are skipped.
 */
export function findCheckTargets(cwd: string, paths: readonly string[], definitionsFolder: string): string[] {
  const roots = paths.length > 0 ? paths : [definitionsFolder];
  const files = new Set<string>();
  for (const path of roots) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) {
      throw new AlertsmithError(
        'ALERTSMITH_CHECK_PATH_MISSING',
        paths.length > 0
          ? `${path} does not exist: pass definition files or folders`
          : `the definitions folder ${path} does not exist: create it, set definitions in the config, or pass paths`,
        EXIT.usage,
      );
    }
    if (statSync(absolute).isDirectory()) collect(absolute, files);
    else files.add(absolute);
  }
  return [...files].sort();
}

function collect(folder: string, out: Set<string>): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) out.add(path);
  }
}

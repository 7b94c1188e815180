import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ts } from './ts-morph.cjs';

/**
 * The tsconfig.json `check` type-checks the definitions with: the nearest one from the
 * definitions folder up to the project folder, which is the one an editor's TypeScript server
 * takes for a definition file. So a `definitions/tsconfig.json` (for example one without the
 * `node` types the rest of a repository needs) gives the same diagnostics in `check` as in the
 * editor. A definitions folder outside the project folder uses the project's tsconfig.json.
 * Undefined when there is none: then `check` uses alertsmith's default options.
 */
export function projectTsconfig(cwd: string, definitionsDir: string = cwd): string | undefined {
  const top = resolve(cwd);
  const inside = relative(top, resolve(definitionsDir));
  let dir = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? top : resolve(definitionsDir);
  for (;;) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dir === top) return undefined;
    dir = dirname(dir);
  }
}

/**
 * The files a tsconfig.json's options come from: itself, then what it `extends`, in the order
 * TypeScript reads them. A change in any of them can change every definition's diagnostics.
 */
export function tsconfigChain(tsconfig: string): string[] {
  const source = ts.readJsonConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  // Only the options are wanted: a host that lists no folder spares matching `include` over the project.
  const noFolders = { ...ts.sys, readDirectory: () => [] };
  ts.parseJsonSourceFileConfigFileContent(source, noFolders, dirname(tsconfig), undefined, tsconfig);
  return [tsconfig, ...(source.extendedSourceFiles ?? []).map((file) => resolve(file))];
}

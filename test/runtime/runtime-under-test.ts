import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Which build of the runtime the tests run. By default `node <bundle>`; with
 * `ALERTSMITH_RUNTIME_EXE=dist/alertsmith-incident` (`npm run build:exe`) the same tests run the
 * single executable directly, with a PATH that holds no node, as on an ElastAlert host without Node.
 */
export const RUNTIME_EXE = process.env.ALERTSMITH_RUNTIME_EXE ? path.resolve(process.env.ALERTSMITH_RUNTIME_EXE) : undefined;

if (RUNTIME_EXE !== undefined && !existsSync(RUNTIME_EXE)) {
  throw new Error(`ALERTSMITH_RUNTIME_EXE=${RUNTIME_EXE} does not exist: run \`npm run build:exe\` first`);
}

/** The program and arguments that run the runtime with `args`; `bundle` is the .mjs to use without the executable. */
export function runtimeCommand(bundle: string, args: string[]): [string, string[]] {
  return RUNTIME_EXE !== undefined ? [RUNTIME_EXE, args] : [process.execPath, [bundle, ...args]];
}

/** This PATH without the folders that hold a `node`: what the executable runs with, to prove it needs none. */
export function pathWithoutNode(pathValue = process.env.PATH ?? ''): string {
  return pathValue
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !existsSync(path.join(dir, 'node')))
    .join(path.delimiter);
}

/** The PATH the runtime under test gets: unchanged for `node <bundle>`, without node for the executable. */
export function runtimePath(): string {
  return RUNTIME_EXE !== undefined ? pathWithoutNode() : (process.env.PATH ?? '');
}

/**
 * Node built-ins without their ES-module facades. `import ... from 'node:fs'` builds the facade
 * by reading every export, and the lazy ones (`promises`, `ReadStream`, ...) then load Node's
 * whole stream stack: about twenty internal modules, a large part of a one-match dry run's
 * start-up (`node:buffer`'s and `node:util`'s facades load Blob, File and MIME support). `process.getBuiltinModule`
 * (Node 20.16+) hands over the module as is; older Node 20 releases fall back to `import()`.
 */
const getBuiltin = process.getBuiltinModule as ((id: string) => unknown) | undefined;
const load = async <T>(id: string): Promise<T> => (getBuiltin !== undefined ? (getBuiltin.call(process, id) as T) : ((await import(id)) as T));

export const fs = await load<typeof import('node:fs')>('node:fs');
export const nodeBuffer = await load<typeof import('node:buffer')>('node:buffer');
/** `node:util` for `parseArgs`: its facade would load MIME and AbortController support. */
export const nodeUtil = await load<typeof import('node:util')>('node:util');

let os: typeof import('node:os') | undefined = getBuiltin === undefined ? await import('node:os') : undefined;
/** This host's name, for claims and intakes (`node:os` is loaded on first use). */
export function hostName(): string {
  os ??= getBuiltin!.call(process, 'node:os') as typeof import('node:os');
  return os.hostname();
}

/** When this host last started (epoch ms): what was written before may not have reached the disk. */
export function bootTime(): number {
  os ??= getBuiltin!.call(process, 'node:os') as typeof import('node:os');
  return Date.now() - os.uptime() * 1000;
}

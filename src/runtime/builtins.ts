import { createRequire } from 'node:module';

/**
 * `node:fs` and `node:buffer` without their ES-module facades. `import ... from 'node:fs'`
 * builds the facade by reading every export, and the lazy ones (`promises`, `ReadStream`, ...)
 * then load Node's whole stream stack: about twenty internal modules, a large part of a
 * one-match dry run's start-up (`node:buffer`'s facade likewise loads Blob and File support).
 * `process.getBuiltinModule` (Node 20.16+) or a CommonJS require hands over the module as is.
 */
const getBuiltin = process.getBuiltinModule as ((id: string) => unknown) | undefined;
const load: (id: string) => unknown = getBuiltin !== undefined ? (id) => getBuiltin.call(process, id) : createRequire(import.meta.url);

export const fs = load('node:fs') as typeof import('node:fs');
export const nodeBuffer = load('node:buffer') as typeof import('node:buffer');

import { createHash } from 'node:crypto';
import ciInfo from 'ci-info';
import os from 'node:os';
import path from 'node:path';
import { codeStamp } from '../cache/code-stamp.js';

/** A project server stops after this long without a request. */
export const DEFAULT_IDLE_MS = 10 * 60_000;

/**
 * Where the server of a project folder listens: a Unix socket in the temp folder, named by
 * the folder, the user and the Node binary (a socket path may hold 104-108 bytes, too few for a
 * path inside a deep project).
 */
export function serverSocketPath(cwd: string): string {
  const who = typeof process.getuid === 'function' ? process.getuid() : 0;
  const name = createHash('sha256').update(`${path.resolve(cwd)}\0${who}\0${process.execPath}`).digest('hex').slice(0, 20);
  return path.join(os.tmpdir(), `alertsmith-server-${name}.sock`);
}

/** What a server and its client must share to talk: the same alertsmith build on the same Node. */
export function serverStamp(): string {
  return `${codeStamp()}|${process.version}`;
}

/**
 * Whether `check` and `build` go through the project's server: not when ALERTSMITH_SERVER is 0,
 * off or false, nor in CI (as ci-info tells it from the CI services' variables: each job starts
 * afresh, and nothing should outlive it) unless ALERTSMITH_SERVER is 1, on or true; never on
 * Windows (no Unix sockets named by path).
 */
export function serverWanted(env: NodeJS.ProcessEnv, inCi: boolean = ciInfo.isCI): boolean {
  if (process.platform === 'win32') return false;
  const setting = (env.ALERTSMITH_SERVER ?? '').trim().toLowerCase();
  if (['0', 'off', 'false', 'no'].includes(setting)) return false;
  if (['1', 'on', 'true', 'yes'].includes(setting)) return true;
  return !inCi;
}

/** How long a server waits for its next request: ALERTSMITH_SERVER_IDLE (seconds), else 10 minutes. */
export function serverIdleMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.ALERTSMITH_SERVER_IDLE);
  return env.ALERTSMITH_SERVER_IDLE !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_IDLE_MS;
}

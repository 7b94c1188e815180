import { access, mkdirOne } from './fs-async.js';
import { dirname, join } from 'node:path';
import { fs } from './builtins.js';
import { RUNTIME_EXIT } from './exit-codes.js';
import { AlertsmithError } from '../errors.js';

/**
 * The state folder: `delivered/` (the ledger: one file per delivered key), `pending/` (the
 * spool: one file per incident still to deliver, plus `<key>.claim` files of processes at work
 * on a key) and `rejected/` (incidents and inputs that can never be delivered, with the reason).
 */
export interface StatePaths {
  root: string;
  delivered: string;
  pending: string;
  rejected: string;
}

export function statePaths(root: string): StatePaths {
  return { root, delivered: join(root, 'delivered'), pending: join(root, 'pending'), rejected: join(root, 'rejected') };
}

/** Folders above the state folder created at most: a path deeper than this under nothing is a mistake. */
const MAX_NEW_LEVELS = 32;

/**
 * Creates the three folders (0700) and checks that they can be written; anything else is a
 * configuration error naming the folder and the fix (exit 2). Not Node's recursive mkdir: where
 * mkdir answers ENOENT for a parent that exists (under /proc, for example) it retries forever.
 */
export async function ensureStateDirs(paths: StatePaths): Promise<void> {
  for (const dir of [paths.delivered, paths.pending, paths.rejected]) {
    try {
      await makeDir(dir, MAX_NEW_LEVELS);
      await access(dir, fs.constants.W_OK | fs.constants.X_OK);
    } catch (error) {
      throw stateDirError(paths.root, dir, error);
    }
  }
}

async function makeDir(dir: string, levels: number): Promise<void> {
  try {
    await mkdirOne(dir, 0o700);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || levels <= 0) throw error;
    await makeDir(parent, levels - 1);
  }
  // The parent exists now: one more try, and its answer is final.
  try {
    await mkdirOne(dir, 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** An error of a system call (an errno code and the call's name), as opposed to a bug. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const e = error as NodeJS.ErrnoException;
  return typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string' && FILE_SYSCALLS.has(e.syscall);
}

/**
 * The calls the runtime makes on its state folder. A network call's error (connect, getaddrinfo,
 * write on a socket carries no path) is not the state folder's, and must not be reported as one.
 */
const FILE_SYSCALLS = new Set(['open', 'close', 'read', 'write', 'fsync', 'fdatasync', 'mkdir', 'rename', 'unlink', 'rmdir', 'access', 'stat', 'lstat', 'fstat', 'readdir', 'scandir', 'link', 'copyfile', 'ftruncate', 'chmod', 'utime', 'futime']);

export function stateDirError(root: string, dir: string, error: unknown): AlertsmithError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
  return new AlertsmithError(
    'ALERTSMITH_STATE_DIR',
    `cannot use the state folder ${root}: ${dir} cannot be created or written (${code}); set ALERTSMITH_STATE_DIR (or --state-dir, or "stateDir" in the --config file) to a folder this user can write, or create ${root} with owner this user and mode 0700`,
    RUNTIME_EXIT.usage,
  );
}

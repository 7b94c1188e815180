import { mkdir } from './fs-async.js';
import { join } from 'node:path';

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

export async function ensureStateDirs(paths: StatePaths): Promise<void> {
  for (const dir of [paths.delivered, paths.pending, paths.rejected]) await mkdir(dir, 0o700);
}

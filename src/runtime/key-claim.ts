import { readText, stat, unlink } from './fs-async.js';
import { join } from 'node:path';
import { hostName } from './builtins.js';
import { createExclusive, uniqueSuffix, writeFileAtomic } from './durable-file.js';

/**
 * Per-key claims: `pending/<key>.claim`, created with O_EXCL, say "this process is delivering
 * this key right now". Several runtimes (ElastAlert runs rules in parallel, a cron replay) thus
 * never send the same key at once, with no global lock.
 *
 * A claim is stale when its process is gone (same host, pid no longer alive) or its expiry has
 * passed (each process sets it to its own deadline plus a margin). A stale claim is taken over
 * under a second O_EXCL file, `<key>.takeover`, so that two processes finding the same stale
 * claim cannot both win, and the stale claim is replaced in place (a rename), so that its name is
 * never free for a newcomer meanwhile. A recovered claim means a send may have happened: the caller must ask
 * XSOAR for the key before creating the incident again.
 */
export type ClaimResult = { status: 'claimed'; recovered: boolean; release(): Promise<void> } | { status: 'busy' };

interface ClaimInfo {
  pid: number;
  host: string;
  token: string;
  expiresAt: number;
}

/** How long a claim file may stay empty or unreadable (its writer killed between create and write). */
const UNREADABLE_GRACE_MS = 5_000;
/** How long a takeover may take before it is itself considered abandoned. */
const TAKEOVER_GRACE_MS = 10_000;

export function claimPath(pendingDir: string, key: string): string {
  return join(pendingDir, `${key}.claim`);
}

export async function claimKey(pendingDir: string, key: string, expiresAt: number): Promise<ClaimResult> {
  const path = claimPath(pendingDir, key);
  const mine: ClaimInfo = { pid: process.pid, host: hostName(), token: uniqueSuffix(), expiresAt };
  const text = JSON.stringify(mine);
  const release = async (): Promise<void> => {
    // Remove the claim only while it is still ours. Before its expiry no one can have taken it
    // over (we are alive), so only a late release needs to read it first.
    if (Date.now() < expiresAt - 1_000) {
      await unlink(path).catch(() => undefined);
      return;
    }
    const current = await readText(path).catch(() => undefined);
    if (current === text) await unlink(path).catch(() => undefined);
  };
  if (await createExclusive(path, text)) return { status: 'claimed', recovered: false, release };

  const observed = await readText(path).catch(() => undefined);
  if (observed === undefined) {
    // Released between our create and read: try once more.
    return (await createExclusive(path, text)) ? { status: 'claimed', recovered: false, release } : { status: 'busy' };
  }
  if (!(await isStale(path, observed))) return { status: 'busy' };

  const takeover = join(pendingDir, `${key}.takeover`);
  if (!(await createExclusive(takeover, text))) {
    const age = await ageMs(takeover);
    if (age !== undefined && age > TAKEOVER_GRACE_MS) await unlink(takeover).catch(() => undefined);
    return { status: 'busy' };
  }
  try {
    const again = await readText(path).catch(() => undefined);
    if (again === undefined) return (await createExclusive(path, text)) ? { status: 'claimed', recovered: true, release } : { status: 'busy' };
    if (again !== observed) return { status: 'busy' };
    // Replaced by one rename, never removed and created again: while the name was free, a
    // newcomer's O_EXCL create would win a fresh claim and send without searching, though the
    // dead owner may have sent already (the fault-injection suite caught such duplicates).
    await writeFileAtomic(path, text);
    return { status: 'claimed', recovered: true, release };
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

/** True while some live process holds a claim on the key. */
export async function isClaimed(pendingDir: string, key: string): Promise<boolean> {
  const path = claimPath(pendingDir, key);
  const text = await readText(path).catch(() => undefined);
  return text !== undefined && !(await isStale(path, text));
}

async function isStale(path: string, text: string): Promise<boolean> {
  let info: ClaimInfo;
  try {
    info = JSON.parse(text) as ClaimInfo;
  } catch {
    const age = await ageMs(path);
    return age !== undefined && age > UNREADABLE_GRACE_MS;
  }
  if (Date.now() > info.expiresAt) return true;
  return info.host === hostName() && !isAlive(info.pid);
}

/** True when a process with this pid exists on this host. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ageMs(path: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

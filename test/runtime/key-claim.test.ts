import { readdir, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fsAsync from '../../src/runtime/fs-async.js';
import { claimKey, claimPath, isAlive, isClaimed } from '../../src/runtime/key-claim.js';
import { tempDir } from './temp-dir.js';

/**
 * Races between claimants happen between one file operation and the next: `beforeRead` runs just
 * before a read of a claim file, as another process acting at that moment would.
 */
let beforeRead: ((path: string) => Promise<void>) | undefined;
vi.mock('../../src/runtime/fs-async.js', async (importOriginal) => {
  const real = await importOriginal<typeof fsAsync>();
  return {
    ...real,
    readText: async (path: string) => {
      await beforeRead?.(path);
      return real.readText(path);
    },
  };
});

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('alertsmith-claims-');
});
afterEach(async () => {
  beforeRead = undefined;
  vi.restoreAllMocks();
  await dir.remove();
});

describe('claimKey', () => {
  it('gives a key to one claimant at a time and frees it on release', async () => {
    const first = await claimKey(dir.path, 'k', Date.now() + 60_000);
    expect(first).toMatchObject({ status: 'claimed', recovered: false });
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    expect(await isClaimed(dir.path, 'k')).toBe(true);
    if (first.status === 'claimed') await first.release();
    expect(await isClaimed(dir.path, 'k')).toBe(false);
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toMatchObject({ status: 'claimed' });
  });

  it('lets exactly one of many simultaneous claimants win', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => claimKey(dir.path, 'k', Date.now() + 60_000)));
    expect(results.filter((r) => r.status === 'claimed')).toHaveLength(1);
  });

  it('recovers the claim of a dead process, saying that a send may have happened', async () => {
    await writeFile(claimPath(dir.path, 'k'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), token: 't', expiresAt: Date.now() + 60_000 }));
    const results = await Promise.all(Array.from({ length: 10 }, () => claimKey(dir.path, 'k', Date.now() + 60_000)));
    const winners = results.filter((r) => r.status === 'claimed');
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ recovered: true });
    expect(JSON.parse(await readFile(claimPath(dir.path, 'k'), 'utf8')).pid).toBe(process.pid);
  });

  it('never hands out a fresh claim while a stale one is taken over: every winner knows a send may have happened', async () => {
    await writeFile(claimPath(dir.path, 'k'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), token: 't', expiresAt: Date.now() + 60_000 }));
    // Claimants arrive one event-loop turn apart while the first is taking the stale claim over,
    // as runtimes do when ElastAlert retries alerts beside a replay.
    const claims: Promise<Awaited<ReturnType<typeof claimKey>>>[] = [];
    for (let i = 0; i < 40; i++) {
      claims.push(claimKey(dir.path, 'k', Date.now() + 60_000));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const winners = (await Promise.all(claims)).filter((r) => r.status === 'claimed');
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ recovered: true });
  });

  it('recovers an expired claim but leaves a live one alone', async () => {
    await writeFile(claimPath(dir.path, 'live'), JSON.stringify({ pid: process.ppid, host: hostname(), token: 't', expiresAt: Date.now() + 60_000 }));
    expect(await claimKey(dir.path, 'live', Date.now() + 60_000)).toEqual({ status: 'busy' });
    await writeFile(claimPath(dir.path, 'old'), JSON.stringify({ pid: process.ppid, host: hostname(), token: 't', expiresAt: Date.now() - 1 }));
    expect(await claimKey(dir.path, 'old', Date.now() + 60_000)).toMatchObject({ status: 'claimed', recovered: true });
  });

  it('does not remove a claim that another process took over', async () => {
    const mine = await claimKey(dir.path, 'k', Date.now() - 1);
    const theirs = await claimKey(dir.path, 'k', Date.now() + 60_000);
    expect(theirs).toMatchObject({ status: 'claimed', recovered: true });
    if (mine.status === 'claimed') await mine.release();
    expect(await isClaimed(dir.path, 'k')).toBe(true);
  });
});

describe('claimKey with odd claim files', () => {
  const old = new Date(Date.now() - 60_000);

  it('leaves a claim it cannot read alone while it may still be being written, and takes it over once old', async () => {
    await writeFile(claimPath(dir.path, 'k'), '');
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    expect(await isClaimed(dir.path, 'k')).toBe(true);
    await utimes(claimPath(dir.path, 'k'), old, old);
    expect(await isClaimed(dir.path, 'k')).toBe(false);
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toMatchObject({ status: 'claimed', recovered: true });
  });

  it('treats a claim from another host as held until it expires, whatever its pid', async () => {
    const other = { pid: 2 ** 22 + 12345, host: `not-${hostname()}`, token: 't' };
    await writeFile(claimPath(dir.path, 'k'), JSON.stringify({ ...other, expiresAt: Date.now() + 60_000 }));
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    await writeFile(claimPath(dir.path, 'k'), JSON.stringify({ ...other, expiresAt: Date.now() - 1_000 }));
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toMatchObject({ status: 'claimed', recovered: true });
  });

  it('stays away from a stale claim someone is taking over, and clears a takeover abandoned long ago', async () => {
    await writeFile(claimPath(dir.path, 'k'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), token: 't', expiresAt: Date.now() + 60_000 }));
    const takeover = join(dir.path, 'k.takeover');
    await writeFile(takeover, 'someone');
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    expect(await readdir(dir.path)).toContain('k.takeover');
    await utimes(takeover, old, old);
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    expect(await readdir(dir.path)).not.toContain('k.takeover');
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toMatchObject({ status: 'claimed', recovered: true });
    expect(await readdir(dir.path)).toEqual(['k.claim']);
  });

  it('on a release within a second of its expiry, leaves a claim that someone else now holds', async () => {
    const mine = await claimKey(dir.path, 'k', Date.now() + 500);
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), token: 'theirs', expiresAt: Date.now() + 60_000 });
    await writeFile(claimPath(dir.path, 'k'), theirs);
    if (mine.status === 'claimed') await mine.release();
    expect(await readFile(claimPath(dir.path, 'k'), 'utf8')).toBe(theirs);
  });
});

describe('isAlive', () => {
  it('says a process exists when it may not be signalled, and not for a pid no process has', () => {
    expect(isAlive(process.pid)).toBe(true);
    // pid 1 belongs to another user unless the tests run as root; either way it is alive.
    expect(isAlive(1)).toBe(true);
    expect(isAlive(2 ** 22 + 12345)).toBe(false);
  });

  it('says a process of another user is alive: signalling it fails with EPERM, not ESRCH', () => {
    // As root every signal succeeds, so the refusal another user's process gives is made here.
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => {
      throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
    });
    try {
      expect(isAlive(4242)).toBe(true);
    } finally {
      kill.mockRestore();
    }
  });
});

describe('claimKey at the edges of its time limits', () => {
  const live = (expiresAt: number) => JSON.stringify({ pid: process.ppid, host: hostname(), token: 'other', expiresAt });

  it('holds a claim until the moment it expires, and takes it over after', async () => {
    const now = Date.now();
    await writeFile(claimPath(dir.path, 'k'), live(now));
    vi.spyOn(Date, 'now').mockReturnValue(now);
    expect(await claimKey(dir.path, 'k', now + 60_000)).toEqual({ status: 'busy' });
    vi.spyOn(Date, 'now').mockReturnValue(now + 1);
    expect(await claimKey(dir.path, 'k', now + 60_000)).toMatchObject({ status: 'claimed', recovered: true });
  });

  it('waits for an unreadable claim until exactly 5 s old, and for a takeover until exactly 10 s old', async () => {
    const t = new Date(Math.floor(Date.now() / 1000) * 1000);
    await writeFile(claimPath(dir.path, 'k'), '');
    await utimes(claimPath(dir.path, 'k'), t, t);
    vi.spyOn(Date, 'now').mockReturnValue(t.getTime() + 5_000);
    expect(await isClaimed(dir.path, 'k')).toBe(true);
    vi.spyOn(Date, 'now').mockReturnValue(t.getTime() + 5_001);
    expect(await isClaimed(dir.path, 'k')).toBe(false);

    await writeFile(join(dir.path, 'k.takeover'), 'someone');
    await utimes(join(dir.path, 'k.takeover'), t, t);
    vi.spyOn(Date, 'now').mockReturnValue(t.getTime() + 10_000);
    expect(await claimKey(dir.path, 'k', t.getTime() + 60_000)).toEqual({ status: 'busy' });
    expect(await readdir(dir.path)).toContain('k.takeover');
    vi.spyOn(Date, 'now').mockReturnValue(t.getTime() + 10_001);
    expect(await claimKey(dir.path, 'k', t.getTime() + 60_000)).toEqual({ status: 'busy' });
    expect(await readdir(dir.path)).not.toContain('k.takeover');
  });

  it('removes its own claim on a release near its expiry', async () => {
    const mine = await claimKey(dir.path, 'k', Date.now() + 500);
    if (mine.status === 'claimed') await mine.release();
    expect(await readdir(dir.path)).toEqual([]);
  });
});

describe('claimKey when another claimant acts between two of its steps', () => {
  const other = JSON.stringify({ pid: process.ppid, host: hostname(), token: 'other', expiresAt: Date.now() + 60_000 });
  const dead = JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), token: 'dead', expiresAt: Date.now() + 60_000 });
  /** Runs `act` before the n-th read of the key's claim file (1-based). */
  const onRead = (n: number, act: () => Promise<void>) => {
    let reads = 0;
    beforeRead = async (path) => {
      if (path === claimPath(dir.path, 'k') && ++reads === n) await act();
    };
  };

  it('claims the key when the holder released it between its attempt and its read', async () => {
    await writeFile(claimPath(dir.path, 'k'), other);
    onRead(1, () => unlink(claimPath(dir.path, 'k')));
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toMatchObject({ status: 'claimed', recovered: false });
  });

  it('is busy when a third claimant took the released key first', async () => {
    await writeFile(claimPath(dir.path, 'k'), other);
    onRead(1, async () => {
      await unlink(claimPath(dir.path, 'k'));
      await writeFile(claimPath(dir.path, 'k'), other);
    });
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
  });

  it('claims a stale key that vanished during its takeover, as recovered', async () => {
    await writeFile(claimPath(dir.path, 'k'), dead);
    onRead(2, () => unlink(claimPath(dir.path, 'k')));
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toMatchObject({ status: 'claimed', recovered: true });
    expect(await readdir(dir.path)).toEqual(['k.claim']);
  });

  it('is busy when the stale claim it is taking over changed meanwhile, or vanished and was claimed again', async () => {
    await writeFile(claimPath(dir.path, 'k'), dead);
    onRead(2, () => writeFile(claimPath(dir.path, 'k'), other));
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    expect(await readFile(claimPath(dir.path, 'k'), 'utf8')).toBe(other);

    await writeFile(claimPath(dir.path, 'k'), dead);
    onRead(2, async () => {
      await unlink(claimPath(dir.path, 'k'));
      await writeFile(claimPath(dir.path, 'k'), other);
    });
    // The read finds the new claim: changed, so busy; the takeover file is gone either way.
    expect(await claimKey(dir.path, 'k', Date.now() + 60_000)).toEqual({ status: 'busy' });
    expect(await readdir(dir.path)).toEqual(['k.claim']);
  });
});

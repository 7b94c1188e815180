import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimKey, claimPath, isClaimed } from '../../src/runtime/key-claim.js';
import { tempDir } from './temp-dir.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('alertsmith-claims-');
});
afterEach(async () => {
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

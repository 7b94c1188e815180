import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesJson, runBundle, SSH_FLAGS, useRuntimeWorld } from './runtime-harness.js';

const world = useRuntimeWorld();
const run = (args: string[], input = '') => runBundle(world.bundle.file, args, { input, env: world.env() });
const DAY = 86_400;

/** Makes a ledger entry look as if it were written `days` ago. */
async function age(name: string, days: number): Promise<void> {
  const when = Date.now() / 1000 - days * DAY;
  await utimes(join(world.state.path, 'delivered', name), when, when);
}

describe('alertsmith-incident prune', () => {
  it('forgets delivered keys older than the age, keeps the rest, and touches nothing pending', async () => {
    expect((await run(SSH_FLAGS, matchesJson(4))).exitCode).toBe(0);
    const ledger = (await readdir(join(world.state.path, 'delivered'))).sort();
    await age(ledger[0]!, 3);
    await age(ledger[1]!, 10);

    const r = await run(['prune', '--older-than', '2d']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ removed: 2, kept: 2, olderThan: '2d' });
    expect((await readdir(join(world.state.path, 'delivered'))).sort()).toEqual(ledger.slice(2));

    // The default keeps a week.
    const byDefault = await run(['prune']);
    expect(JSON.parse(byDefault.stdout)).toEqual({ removed: 0, kept: 2, olderThan: '7d', rejectedRemoved: 0, rejectedKept: 0, rejectedOlderThan: '30d' });
  });

  it('lets ElastAlert retrying an alert create only what was pruned', async () => {
    await run(SSH_FLAGS, matchesJson(3));
    const [oldest] = await readdir(join(world.state.path, 'delivered'));
    await age(oldest!, 30);
    await run(['prune', '--older-than=7d']);
    const again = await run(SSH_FLAGS, matchesJson(3));
    expect(again.logs.find((l) => l.event === 'summary')).toMatchObject({ delivered: 1, alreadyDelivered: 2 });
  });

  it('refuses an age that is not a duration, and --older-than without prune', async () => {
    for (const bad of ['soon', '0d', '-1d']) {
      const r = await run(['prune', `--older-than=${bad}`]);
      expect(r.exitCode).toBe(2);
      expect(r.logs).toEqual([expect.objectContaining({ code: 'ALERTSMITH_USAGE', message: expect.stringContaining('such as 7d or 48h') })]);
    }
    const misplaced = await run(['status', '--older-than=1d']);
    expect(misplaced.exitCode).toBe(2);
  });

  it('removes rejected/ files (refused incidents, unusable inputs) older than their own age, 30 days by default', async () => {
    // Two unusable inputs: each leaves its raw bytes and the reason beside them.
    expect((await run(SSH_FLAGS, 'not json')).exitCode).toBe(5);
    expect((await run(SSH_FLAGS, '{also not json')).exitCode).toBe(5);
    const rejected = join(world.state.path, 'rejected');
    const files = (await readdir(rejected)).sort();
    expect(files).toHaveLength(4);
    const old = files.filter((n) => n.startsWith(files[0]!.replace(/\.(raw|json)$/, '')));
    const when = Date.now() / 1000 - 40 * DAY;
    for (const name of old) await utimes(join(rejected, name), when, when);

    const byDefault = await run(['prune']);
    expect(JSON.parse(byDefault.stdout)).toMatchObject({ rejectedRemoved: 2, rejectedKept: 2, rejectedOlderThan: '30d' });
    expect((await readdir(rejected)).sort()).toEqual(files.filter((n) => !old.includes(n)));
    const all = await run(['prune', '--rejected-older-than=1ms']);
    expect(JSON.parse(all.stdout)).toMatchObject({ rejectedRemoved: 2, rejectedKept: 0 });
    expect((await run(['prune', '--rejected-older-than=later'])).exitCode).toBe(2);
  });

  it('keeps ledger entries written since the oldest intake still waiting, whatever their age', async () => {
    // An intake left by a run (its process gone): replay creates its untraced incidents without a search.
    const pending = join(world.state.path, 'pending');
    expect((await run(SSH_FLAGS, matchesJson(3))).exitCode).toBe(0);
    const ledger = (await readdir(join(world.state.path, 'delivered'))).sort();
    await mkdir(pending, { recursive: true });
    const intake = join(pending, 'intake-old.intake');
    await writeFile(intake, '{"format":1}\n[]\n');
    const when = (days: number): number => Date.now() / 1000 - days * DAY;
    await utimes(intake, when(20), when(20));
    await age(ledger[0]!, 10); // written after the intake: kept
    await age(ledger[1]!, 30); // before it: pruned
    const r = await run(['prune', '--older-than', '7d']);
    expect(JSON.parse(r.stdout)).toMatchObject({ removed: 1, kept: 2 });
    expect((await readdir(join(world.state.path, 'delivered'))).sort()).toEqual([ledger[0], ledger[2]].sort());
  });

  it('says it removed nothing when there is no ledger yet', async () => {
    const r = await run(['prune']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ removed: 0, kept: 0 });
  });
});

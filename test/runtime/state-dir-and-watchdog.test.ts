import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesJson, runBundle, SSH_FLAGS, useRuntimeWorld, type RunResult } from './runtime-harness.js';

const world = useRuntimeWorld();

/**
 * Runs the runtime with a preloaded module that breaks one `node:fs` call as a broken platform
 * would (CommonJS and `--require`, which the single executable honours too; it ignores `--import`): `busy` never returns (the main thread spins, as Node's recursive mkdir does under
 * /proc), `silent` never calls back (a hung network mount).
 */
async function runBroken(call: string, mode: 'busy' | 'silent', input: string, env: Record<string, string> = {}): Promise<RunResult> {
  const preload = join(world.state.path, `break-${call}.cjs`);
  // A call that never completes keeps the event loop alive, as a request stuck in libuv's pool does.
  const broken = mode === 'busy' ? '() => { for (;;); }' : '() => { setInterval(() => undefined, 60_000); }';
  await writeFile(preload, `const fs = require('node:fs');\nfs.${call} = ${broken};\n`);
  return runBundle(world.bundle.file, SSH_FLAGS, {
    input, env: { ...world.env(), ALERTSMITH_DEADLINE_MS: '1500', NODE_OPTIONS: `--require=${preload}`, ...env },
  });
}

const stdinLine = (r: RunResult): Record<string, unknown> | undefined => r.logs.find((l) => l.event === 'unsaved-input');

describe('a state folder the runtime cannot work with', () => {
  it('ends with exit 2 and one line naming the folder and the fix, and prints the input, where mkdir under /proc would spin forever', async () => {
    const r = await runBundle(world.bundle.file, SSH_FLAGS, { input: matchesJson(1), env: { ...world.env(), ALERTSMITH_STATE_DIR: '/proc/alertsmith-test/state' } });
    expect(r.exitCode).toBe(2);
    const error = r.logs.find((l) => l.event === 'error')!;
    expect(error.code).toBe('ALERTSMITH_STATE_DIR');
    expect(error.message).toMatch(/\/proc\/alertsmith-test\/state.*ALERTSMITH_STATE_DIR/);
    expect(JSON.parse(String(stdinLine(r)!.stdin))).toEqual(JSON.parse(matchesJson(1)));
    expect(world.sim.incidents()).toEqual([]);
  });

  it('reports a home folder that cannot hold state (HOME=/nonexistent-like paths) as exit 2, not an internal error', async () => {
    const file = join(world.state.path, 'a-file');
    await writeFile(file, '');
    const env: Record<string, string> = { DEMISTO_BASE_URL: world.sim.url, DEMISTO_API_KEY: 'k', HOME: join(file, 'home') };
    const r = await runBundle(world.bundle.file, SSH_FLAGS, { input: matchesJson(2), env });
    expect(r.exitCode).toBe(2);
    expect(r.logs.find((l) => l.event === 'error')!.message).toContain(join(file, 'home', '.local', 'state', 'alertsmith'));
    expect(JSON.parse(String(stdinLine(r)!.stdin))).toHaveLength(2);
    expect(r.logs.some((l) => l.event === 'internal-error')).toBe(false);
    const replay = await runBundle(world.bundle.file, ['replay'], { env });
    expect(replay.exitCode).toBe(2);
  });
});

describe('a state folder that fails while the input is being kept', () => {
  it('a full disk: exit 2 naming the folder, and the input printed since it could not be kept', async () => {
    const preload = join(world.state.path, 'full-disk.cjs');
    await writeFile(preload, `const fs = require('node:fs');
fs.fsync = (fd, done) => done(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC', errno: -28, syscall: 'fsync' }));
`);
    const r = await runBundle(world.bundle.file, SSH_FLAGS, { input: matchesJson(2), env: { ...world.env(), NODE_OPTIONS: `--require=${preload}` } });
    expect(r.exitCode).toBe(2);
    expect(r.logs.find((l) => l.event === 'error')).toMatchObject({ code: 'ALERTSMITH_STATE_DIR', message: expect.stringContaining('(ENOSPC)') });
    expect(JSON.parse(String(stdinLine(r)!.stdin))).toHaveLength(2);
    expect(r.logs.some((l) => l.event === 'internal-error')).toBe(false);
  });
});

describe('the watchdog ends the process at its deadline whatever a platform call does', () => {
  it('a main thread spinning in mkdir: exit 2, the state folder named, the input printed', async () => {
    const r = await runBroken('mkdir', 'busy', matchesJson(3));
    expect(r.exitCode).toBe(2);
    expect(r.logs.find((l) => l.event === 'watchdog')).toMatchObject({ code: 'ALERTSMITH_STATE_DIR' });
    expect(JSON.parse(String(stdinLine(r)!.stdin))).toEqual(JSON.parse(matchesJson(3)));
  });

  it('a write that never completes before the input is durable: exit 2 and the input printed', async () => {
    const r = await runBroken('fsync', 'silent', matchesJson(2));
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(String(stdinLine(r)!.stdin))).toHaveLength(2);
  });

  it('a call that never completes once the input is durable: exit 3, and replay delivers each incident once', async () => {
    // unlink is what removes the intake after delivery: the incidents went out, the run cannot finish.
    const r = await runBroken('unlink', 'silent', matchesJson(4));
    expect(r.exitCode).toBe(3);
    expect(r.logs.find((l) => l.event === 'watchdog')).toMatchObject({ code: 'ALERTSMITH_DEADLINE' });
    expect(stdinLine(r)).toBeUndefined();
    const replay = await runBundle(world.bundle.file, ['replay'], { env: world.env() });
    expect(replay.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(4);
  });

  it('does not act in a run that ends in time', async () => {
    const r = await runBundle(world.bundle.file, SSH_FLAGS, { input: matchesJson(2), env: { ...world.env(), ALERTSMITH_DEADLINE_MS: '5000' } });
    expect(r.exitCode).toBe(0);
    expect(r.logs.some((l) => l.event === 'watchdog')).toBe(false);
  });
});

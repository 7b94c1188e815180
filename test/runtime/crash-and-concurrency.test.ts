import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startXsoarSimulator } from '../../src/simulator/index.js';
import { API_KEY, matchesJson, runBundle, SSH_FLAGS, useRuntimeWorld } from './runtime-harness.js';
import { runtimeCommand, runtimePath } from './runtime-under-test.js';

const world = useRuntimeWorld();
const dedupKeys = () => world.sim.incidents().map((i) => (i.body.labels as { type: string; value: string }[]).find((l) => l.type === 'alertsmith.dedup_key')!.value);
const status = async () => JSON.parse((await runBundle(world.bundle.file, ['status'], { env: world.env() })).stdout) as Record<string, number>;

/**
 * Runs the runtime on `input` against a slow XSOAR and kills it (-9) once `killAfter` incidents
 * exist, with more requests in flight (created by the server, unrecorded by the client), and
 * returns once the server has answered those.
 */
async function killMidBatch(input: string, killAfter: number): Promise<{ signal: string | undefined }> {
  world.sim.inject({ latencyMs: 100 });
  const child = execa(...runtimeCommand(world.bundle.file, SSH_FLAGS), { input, env: { PATH: runtimePath(), ...world.env() }, extendEnv: false, reject: false });
  const deadline = Date.now() + 20_000;
  while (world.sim.incidents().length < killAfter && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  const { signal } = await child;
  // Requests the killed run had in flight still reach the (slow) server: let them land, so that
  // what the test counts next is what the killed run left behind.
  const settleBy = Date.now() + 5_000;
  while (world.sim.requests().some((q) => q.status === 0) && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 10));
  return { signal };
}

describe('several runtimes at once', () => {
  it('create each incident exactly once when four processes get overlapping alerts', async () => {
    world.sim.inject({ latencyMs: 20 });
    const inputs = [matchesJson(30, 0), matchesJson(30, 10), matchesJson(30, 20), matchesJson(30, 0)];
    const results = await Promise.all(inputs.map((input) => runBundle(world.bundle.file, SSH_FLAGS, { input, env: world.env() })));
    for (const r of results) expect([0, 3]).toContain(r.exitCode);
    // Whatever a process could not finish (another held the key past its deadline) is in the spool.
    await runBundle(world.bundle.file, ['replay'], { env: world.env() });
    expect(world.sim.incidents()).toHaveLength(50);
    expect(new Set(dedupKeys()).size).toBe(50);
    expect(await status()).toMatchObject({ pending: 0, delivered: 50, inProgress: 0 });
  });
});

describe('kill -9 mid-batch', () => {
  it('loses nothing and doubles nothing: replay alone recovers the batch, and ElastAlert retrying it adds nothing', async () => {
    const input = matchesJson(60);
    expect((await killMidBatch(input, 10)).signal).toBe('SIGKILL');
    const created = world.sim.incidents().length;
    expect(created).toBeLessThan(60);

    // The killed run left its saved stdin (the intake) and the claims of the keys it had in flight.
    const before = await status();
    expect(before).toMatchObject({ intakes: 1 });
    expect(before.inProgress).toBeGreaterThan(0);

    const replayed = await runBundle(world.bundle.file, ['replay'], { env: world.env() });
    expect(replayed.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(60);
    expect(new Set(dedupKeys()).size).toBe(60);
    expect(await status()).toMatchObject({ intakes: 0, pending: 0, delivered: 60, inProgress: 0 });

    // ElastAlert, having seen the alert fail, retries it with the same matches: nothing new.
    const retried = await runBundle(world.bundle.file, SSH_FLAGS, { input, env: world.env() });
    expect(retried.exitCode).toBe(0);
    expect(retried.logs.find((l) => l.event === 'summary')).toMatchObject({ delivered: 0, alreadyDelivered: 60 });

    expect(world.sim.incidents()).toHaveLength(60);
    expect(new Set(dedupKeys()).size).toBe(60);
    expect(await status()).toMatchObject({ pending: 0, delivered: 60, inProgress: 0 });
  });

  it('leaves an intake to a live process, and takes it over once its time is up even if the pid lives again', async () => {
    await killMidBatch(matchesJson(20), 3);
    world.sim.clearFaults();
    const pending = join(world.state.path, 'pending');
    const intake = join(pending, (await readdir(pending)).find((n) => n.endsWith('.intake'))!);
    const rewriteHeader = async (change: Record<string, unknown>): Promise<void> => {
      const text = await readFile(intake, 'utf8');
      const newline = text.indexOf('\n');
      await writeFile(intake, `${JSON.stringify({ ...JSON.parse(text.slice(0, newline)), ...change })}${text.slice(newline)}`);
    };
    // As if the killed run's pid now belonged to a live process (this one).
    await rewriteHeader({ pid: process.pid });
    const created = world.sim.incidents().length;
    await runBundle(world.bundle.file, ['replay'], { env: world.env() });
    expect(world.sim.incidents().length).toBe(created);
    expect(await status()).toMatchObject({ intakes: 1 });

    await rewriteHeader({ expiresAt: Date.now() - 1 });
    expect((await runBundle(world.bundle.file, ['replay'], { env: world.env() })).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(20);
    expect(new Set(dedupKeys()).size).toBe(20);
    expect(await status()).toMatchObject({ intakes: 0, pending: 0, delivered: 20 });
  });

  it('after a power cut that lost the killed run\'s claims, searches XSOAR for every incident of an intake saved before the restart', async () => {
    await killMidBatch(matchesJson(20), 3);
    world.sim.clearFaults();
    const pending = join(world.state.path, 'pending');
    const names = await readdir(pending);
    // Claims are not fsync'd: after a power cut they may be gone, while the intake (fsync'd) stays.
    for (const name of names.filter((n) => n.endsWith('.claim'))) await rm(join(pending, name));
    const intake = join(pending, names.find((n) => n.endsWith('.intake'))!);
    const text = await readFile(intake, 'utf8');
    const newline = text.indexOf('\n');
    await writeFile(intake, `${JSON.stringify({ ...JSON.parse(text.slice(0, newline)), receivedAt: '2000-01-01T00:00:00.000Z' })}${text.slice(newline)}`);

    expect((await runBundle(world.bundle.file, ['replay'], { env: world.env() })).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(20);
    expect(new Set(dedupKeys()).size).toBe(20);
  });

  it('keeps what the replay of a killed run could not deliver, until a later replay does', async () => {
    await killMidBatch(matchesJson(30), 5);
    const created = world.sim.incidents().length;

    // XSOAR fails every create during the first replay: the intake's incidents must stay pending.
    world.sim.clearFaults();
    world.sim.inject({ fail: { count: 10_000, status: 503 } });
    const failing = await runBundle(world.bundle.file, ['replay'], { env: { ...world.env(), ALERTSMITH_DEADLINE_MS: '1500' } });
    expect(failing.exitCode).toBe(3);
    expect(world.sim.incidents()).toHaveLength(created);
    const between = await status();
    expect((between.pending ?? 0) + (between.intakes ?? 0)).toBeGreaterThan(0);

    world.sim.clearFaults();
    expect((await runBundle(world.bundle.file, ['replay'], { env: world.env() })).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(30);
    expect(new Set(dedupKeys()).size).toBe(30);
    expect(await status()).toMatchObject({ intakes: 0, pending: 0, delivered: 30, inProgress: 0 });
  });
});

describe('TLS', () => {
  it('refuses an untrusted certificate in plain words, and accepts it with SSL_CERT_FILE', async () => {
    const dir = world.state.path;
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tlsSim = await startXsoarSimulator({ apiKey: API_KEY, tls: { key: await readFile(join(dir, 'key.pem'), 'utf8'), cert: await readFile(join(dir, 'cert.pem'), 'utf8') } });
    try {
      const base = { DEMISTO_BASE_URL: tlsSim.url, DEMISTO_API_KEY: API_KEY, ALERTSMITH_STATE_DIR: world.state.path };
      const untrusted = await runBundle(world.bundle.file, ['test-connection'], { env: base });
      expect(untrusted.exitCode).toBe(6);
      expect(untrusted.stdout).toMatch(/certificate is not trusted.*SSL_CERT_FILE/);
      const trusted = await runBundle(world.bundle.file, ['test-connection'], { env: { ...base, SSL_CERT_FILE: join(dir, 'cert.pem') } });
      expect(trusted.stdout).toMatch(/^OK/);
      const sent = await runBundle(world.bundle.file, SSH_FLAGS, { input: matchesJson(2), env: { ...base, SSL_CERT_FILE: join(dir, 'cert.pem') } });
      expect(sent.exitCode).toBe(0);
      expect(tlsSim.incidents()).toHaveLength(2);
    } finally {
      await tlsSim.stop();
    }
  });
});

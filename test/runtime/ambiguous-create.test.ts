import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulatorFault } from '../../src/simulator/index.js';
import { API_KEY, matchesJson, runBundle, SSH_FLAGS, useRuntimeWorld } from './runtime-harness.js';

const world = useRuntimeWorld();

/** Runs the runtime with a short request timeout (config file: the timeouts are no environment setting). */
async function send(count: number): Promise<Awaited<ReturnType<typeof runBundle>>> {
  const config = join(world.state.path, 'runtime.json');
  await writeFile(config, JSON.stringify({ url: world.sim.url, apiKey: API_KEY, requestTimeoutMs: 400 }), { mode: 0o600 });
  return runBundle(world.bundle.file, [...SSH_FLAGS, `--config=${config}`], {
    input: matchesJson(count),
    env: { ALERTSMITH_STATE_DIR: world.state.path, ALERTSMITH_DEADLINE_MS: '10000' },
  });
}

const dedupKeys = (): string[] =>
  world.sim.incidents().map((i) => (i.body.labels as { type: string; value: string }[]).find((l) => l.type === 'alertsmith.dedup_key')!.value);

const AMBIGUOUS: [string, SimulatorFault['afterCommit']][] = [
  ['a 504 from a proxy', { count: 3, spoil: 'status', status: 504 }],
  ['a 502 from a proxy', { count: 3, spoil: 'status', status: 502 }],
  ['a 500', { count: 3, spoil: 'status', status: 500 }],
  ['a reset connection', { count: 3, spoil: 'reset' }],
  ['a reply cut off halfway', { count: 3, spoil: 'truncate' }],
  ['a reply slower than the request timeout', { count: 3, spoil: 'delay', delayMs: 5_000 }],
];

describe('an outcome the runtime cannot be sure of is settled by a search before any new create', () => {
  it.each(AMBIGUOUS)('after XSOAR created the incident and the client got %s, there is still one incident per match', async (_name, fault) => {
    world.sim.inject({ afterCommit: fault });
    const r = await send(3);
    expect(r.exitCode).toBe(0);
    expect(world.sim.faultCounts()).not.toEqual({});
    expect(world.sim.incidents()).toHaveLength(3);
    expect(new Set(dedupKeys()).size).toBe(3);
    expect(r.logs.filter((l) => l.event === 'found-existing')).toHaveLength(3);
    expect(world.sim.requests().filter((q) => q.path === '/incident')).toHaveLength(3);
  });

  it('after a 503 that created nothing, the search finds nothing and the incident is created once', async () => {
    world.sim.inject({ fail: { count: 2, status: 503 } });
    const r = await send(2);
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(2);
    expect(world.sim.requests().filter((q) => q.path === '/incidents/search')).toHaveLength(2);
  });

  it('a 2xx without a readable incident id (a proxy page) is not taken for a created incident', async () => {
    world.sim.inject({ fail: { count: 1, status: 200, body: '<html>Welcome to the proxy</html>' } });
    const r = await send(1);
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
    expect(world.sim.requests().filter((q) => q.path === '/incidents/search')).toHaveLength(1);
  });

  it('a 429 is a refusal, not an unknown outcome: retried after Retry-After without a search', async () => {
    world.sim.inject({ rateLimit: { count: 1, retryAfterSeconds: 0 } });
    const r = await send(1);
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
    expect(world.sim.requests().filter((q) => q.path === '/incidents/search')).toHaveLength(0);
  });

  it('a connection reset before XSOAR read the request is searched for too (the client cannot tell)', async () => {
    world.sim.inject({ resetBeforeRead: { count: 1 } });
    const r = await send(1);
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
  });
});

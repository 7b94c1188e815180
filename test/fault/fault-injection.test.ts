import { execa } from 'execa';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchDedupKey } from '../../src/incident/dedup-key.js';
import { seededRandom } from '../../src/seeded-random.js';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';
import { API_KEY, buildBundle, runBundle, SSH_FLAGS, tempDir, type Bundle } from '../runtime/runtime-harness.js';
import { runtimeCommand, runtimePath } from '../runtime/runtime-under-test.js';

/**
 * Exactly once under faults. Each scenario puts the simulator in a seeded random fault mode
 * (commit-then-504, commit-then-reset, reset before the request is read, hangs and slow replies
 * past the request timeout, 429 with Retry-After, truncated replies), runs several runtimes and
 * replays at once on overlapping matches, kills some of them with SIGKILL at seeded moments, then
 * clears the faults and replays until nothing is pending. Every match must then have exactly one
 * incident. Nothing here asserts on timing: the moments only vary where the faults land.
 */

const SEED = Number(process.env.ALERTSMITH_FAULT_SEED ?? 20261128);
const RULE = 'ssh-brute-force';
const REQUEST_TIMEOUT_MS = 400;
const DEADLINE_MS = 2500;

let bundle: Bundle;
beforeAll(async () => {
  bundle = await buildBundle();
});
afterAll(async () => {
  await rm(bundle.dir, { recursive: true, force: true });
  // The figures the suite reports (docs/runtime.md records a run of them).
  console.log(`fault injection (seed ${SEED}): ${JSON.stringify(totals)}`);
});

const totals = { scenarios: 0, matches: 0, faultsInjected: 0, kills: 0, incidents: 0, duplicates: 0, lost: 0 };

function matches(from: number, count: number, scenario: string): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    '@timestamp': '2026-11-28T10:00:00Z',
    _id: `${scenario}-${from + i}`,
    _index: 'logs-auth',
    host: { name: `host-${from + i}` },
    user: { name: 'root' },
    source: { ip: '10.0.0.1' },
    tags: ['ssh'],
  }));
}

interface Scenario {
  name: string;
  /** Overlapping slices of the scenario's matches, one runtime each, all started at once. */
  runs: { from: number; count: number }[];
  /** Replays started alongside the runs. */
  replays: number;
  /** Share of requests that get a fault. */
  probability: number;
  /** Runs killed with SIGKILL after a seeded delay. */
  kill: boolean;
}

interface World {
  sim: XsoarSimulator;
  state: string;
  env: Record<string, string>;
}

async function world(seed: number, remove: (() => Promise<void>)[]): Promise<World> {
  const sim = await startXsoarSimulator({ apiKey: API_KEY });
  const state = await tempDir('alertsmith-fault-');
  remove.push(() => sim.stop(), () => state.remove());
  const config = join(state.path, 'runtime.json');
  await writeFile(config, JSON.stringify({ url: sim.url, apiKey: API_KEY, requestTimeoutMs: REQUEST_TIMEOUT_MS, connectTimeoutMs: REQUEST_TIMEOUT_MS }), { mode: 0o600 });
  sim.inject({ random: { seed, probability: 0, retryAfterSeconds: 1, delayMs: REQUEST_TIMEOUT_MS * 3 } });
  return { sim, state: join(state.path, 'state'), env: { ALERTSMITH_CONFIG_FILE: config } };
}

/**
 * Runs the runtime (or a replay) against the world; with `killAfterRequests`, SIGKILLs it once the
 * simulator has received that many more requests. Counted in requests, not milliseconds, so that a
 * kill lands mid-delivery however slowly a busy machine starts the process.
 */
interface Outcome {
  killed: boolean;
  exitCode: number | undefined;
  /** Why the exit code is not one a run may end with (0 delivered, 3 pending), if it is not. */
  problem?: string;
}

async function runtime(w: World, args: string[], input: string, killAfterRequests?: number): Promise<Outcome> {
  const configFile = w.env.ALERTSMITH_CONFIG_FILE!;
  const child = execa(...runtimeCommand(bundle.file, [...args, `--config=${configFile}`]), {
    input,
    env: { PATH: runtimePath(), HOME: '/nonexistent-home', ALERTSMITH_STATE_DIR: w.state, ALERTSMITH_DEADLINE_MS: String(DEADLINE_MS) },
    extendEnv: false,
    reject: false,
    timeout: 60_000,
  });
  let watch: NodeJS.Timeout | undefined;
  if (killAfterRequests !== undefined) {
    const seen = w.sim.requests().length;
    watch = setInterval(() => {
      if (w.sim.requests().length - seen >= killAfterRequests) child.kill('SIGKILL');
    }, 2);
  }
  const r = await child;
  clearInterval(watch);
  const killed = r.signal === 'SIGKILL';
  // The runtime itself never fails: it delivers (0), keeps pending (3) or is killed.
  const problem = killed || r.exitCode === 0 || r.exitCode === 3 ? undefined : `exit ${r.exitCode} of ${args[0]}: ${String(r.stderr).slice(-1500)}`;
  return { killed, exitCode: r.exitCode, ...(problem !== undefined ? { problem } : {}) };
}

/** Replays until the state folder holds nothing pending (a bounded number of times). */
async function replayUntilDone(w: World): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const r = await runBundle(bundle.file, ['replay', `--config=${w.env.ALERTSMITH_CONFIG_FILE!}`], { env: { ALERTSMITH_STATE_DIR: w.state } });
    const status = JSON.parse((await runBundle(bundle.file, ['status'], { env: { ALERTSMITH_STATE_DIR: w.state } })).stdout) as Record<string, number>;
    if (r.exitCode === 0 && status.pending === 0 && status.intakes === 0) return;
  }
  throw new Error('replay did not empty the spool in 10 runs');
}

const SCENARIOS: Scenario[] = [
  { name: 'one runtime per alert, faults on a third of the requests', runs: [{ from: 0, count: 150 }, { from: 150, count: 150 }, { from: 300, count: 150 }], replays: 0, probability: 0.33, kill: false },
  { name: 'four runtimes and two replays on overlapping matches', runs: [{ from: 0, count: 200 }, { from: 100, count: 200 }, { from: 200, count: 200 }, { from: 0, count: 400 }], replays: 2, probability: 0.25, kill: false },
  { name: 'runtimes killed with SIGKILL at seeded moments, replays beside them', runs: [{ from: 0, count: 200 }, { from: 150, count: 200 }, { from: 300, count: 200 }, { from: 0, count: 100 }], replays: 1, probability: 0.2, kill: true },
  { name: 'ElastAlert retrying the same alert while a replay runs, heavy faults', runs: [{ from: 0, count: 250 }, { from: 0, count: 250 }, { from: 0, count: 250 }], replays: 2, probability: 0.5, kill: false },
  { name: 'kills and retries of the same alert', runs: [{ from: 0, count: 300 }, { from: 0, count: 300 }, { from: 200, count: 300 }], replays: 1, probability: 0.3, kill: true },
];

describe('exactly once under injected faults', () => {
  it.each(SCENARIOS.map((s, i) => [s.name, s, i] as const))('%s: every match has exactly one incident', async (_name, scenario, index) => {
    const remove: (() => Promise<void>)[] = [];
    try {
      const random = seededRandom(SEED + index);
      const w = await world(SEED + index, remove);
      w.sim.inject({ random: { seed: SEED + index, probability: scenario.probability, retryAfterSeconds: 1, delayMs: REQUEST_TIMEOUT_MS * 3 } });
      const tag = `s${index}`;
      const all = new Map<string, unknown>();
      const jobs: Promise<Outcome>[] = [];
      const inputs: string[] = [];
      for (const run of scenario.runs) {
        const slice = matches(run.from, run.count, tag);
        for (const m of slice) all.set(String(m._id), m);
        const killAfter = scenario.kill && random() < 0.6 ? 1 + Math.floor(random() * 120) : undefined;
        inputs.push(JSON.stringify(slice));
        jobs.push(runtime(w, SSH_FLAGS, inputs.at(-1)!, killAfter));
      }
      for (let i = 0; i < scenario.replays; i++) {
        const killAfter = scenario.kill && random() < 0.5 ? 1 + Math.floor(random() * 120) : undefined;
        jobs.push(runtime(w, ['replay'], '', killAfter));
      }
      const outcomes = await Promise.all(jobs);

      const injected = Object.values(w.sim.faultCounts()).reduce((a, b) => a + b, 0);
      w.sim.clearFaults();
      // ElastAlert retries an alert whose command failed (killed before its input was kept, or
      // exit 3) with the same matches; then replay empties the spool.
      const failed = inputs.filter((_, i) => outcomes[i]!.exitCode !== 0);
      outcomes.push(...(await Promise.all(failed.map((input) => runtime(w, SSH_FLAGS, input)))));
      expect(outcomes.flatMap((o) => (o.problem !== undefined ? [o.problem] : []))).toEqual([]);
      await replayUntilDone(w);

      const expected = new Set([...all.values()].map((m) => matchDedupKey(RULE, m)));
      const perKey = new Map<string, number>();
      for (const incident of w.sim.incidents()) {
        const key = (incident.body.labels as { type: string; value: string }[]).find((l) => l.type === 'alertsmith.dedup_key')!.value;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
      }
      const duplicates = [...perKey.values()].reduce((sum, n) => sum + n - 1, 0);
      const lost = [...expected].filter((k) => !perKey.has(k)).length;
      const foreign = [...perKey.keys()].filter((k) => !expected.has(k)).length;
      totals.scenarios++;
      totals.matches += expected.size;
      totals.faultsInjected += injected;
      totals.kills += outcomes.filter((o) => o.killed).length;
      totals.incidents += w.sim.incidents().length;
      totals.duplicates += duplicates;
      totals.lost += lost;
      expect(injected).toBeGreaterThan(0);
      expect({ duplicates, lost, foreign }).toEqual({ duplicates: 0, lost: 0, foreign: 0 });
      expect(w.sim.incidents()).toHaveLength(expected.size);
    } finally {
      for (const undo of remove.reverse()) await undo();
    }
  }, 120_000);

  it('covers at least 2,000 matches per run, with no duplicate and nothing lost', () => {
    expect(totals.scenarios).toBe(SCENARIOS.length);
    expect(totals.matches).toBeGreaterThanOrEqual(2_000);
    expect(totals).toMatchObject({ duplicates: 0, lost: 0 });
  });
});

import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ByteBudget, deliverIncidents, type DeliveryItem } from '../../src/runtime/deliver.js';
import { createLog } from '../../src/runtime/log.js';
import { resolveRuntimeConfig } from '../../src/runtime/runtime-config.js';
import { claimPath } from '../../src/runtime/key-claim.js';
import { ensureStateDirs, statePaths, type StatePaths } from '../../src/runtime/state-dir.js';
import type { XsoarClient } from '../../src/runtime/xsoar-client.js';
import type { IncidentBody } from '../../src/incident/incident-body.js';
import { tempDir } from './runtime-harness.js';

/**
 * deliverIncidents in-process, on a clock the test moves: what happens near the deadline is
 * decided by these steps, never by how fast this machine is (the process-level test of the
 * same behaviour failed on fast disks and passed on slow ones).
 */
let clock = 0;
let state: Awaited<ReturnType<typeof tempDir>>;
let paths: StatePaths;
beforeEach(async () => {
  clock = Date.now();
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
  state = await tempDir('alertsmith-deliver-');
  paths = statePaths(state.path);
  await ensureStateDirs(paths);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await state.remove();
});

const INTAKE = '/state/pending/run.intake';
const items = (count: number): DeliveryItem[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `key-${String(i).padStart(2, '0')}`,
    rule: 'r',
    origin: 'stdin' as const,
    intake: INTAKE,
    body: (): IncidentBody => ({ name: `incident ${i}`, type: 'T', severity: 1, details: '', labels: [], occurred: '', rawJSON: '{}' }) as unknown as IncidentBody,
  }));

/** A client whose every create is answered, and takes `createMs` of the test's clock. */
function fakeClient(createMs: number, created: string[]): XsoarClient {
  return {
    async create(body) {
      clock += createMs;
      created.push(body.name);
      return { status: 201, headers: {}, text: '{}', incidentId: String(created.length) } as Awaited<ReturnType<XsoarClient['create']>>;
    },
    async findByKey() {
      return null;
    },
    async about() {
      throw new Error('not used');
    },
    async listContent() {
      throw new Error('not used');
    },
    close() {},
  };
}

async function deliver(list: DeliveryItem[], connect: () => Promise<XsoarClient>, deadlineInMs: number) {
  const lines: string[] = [];
  const config = { ...resolveRuntimeConfig({}, {}, {}, state.path), stateDir: state.path, concurrency: 1 };
  const report = await deliverIncidents(list, {
    paths, config, log: createLog((l) => lines.push(l)), deadline: clock + deadlineInMs, connect, budget: new ByteBudget(1 << 20),
  });
  return { report, logs: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('deliverIncidents near the deadline', () => {
  it('keeps every incident it has no time left to try in the intake, none spooled one file each', async () => {
    const created: string[] = [];
    // Deadline in 1,000 ms: sending stops 250 ms before it, and an attempt needs 100 ms, so with
    // 100 ms per create the creates start at 0..600 ms and the rest are left for later.
    const { report, logs } = await deliver(items(20), async () => fakeClient(100, created), 1_000);
    expect(created).toHaveLength(7);
    expect(report).toMatchObject({ delivered: 7, pending: 13 });
    expect([...report.keptIntakes]).toEqual([INTAKE]);
    expect(logs.find((l) => l.event === 'deadline')).toMatchObject({ left: 13 });
    expect((await readdir(paths.pending)).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('leaves an incident whose time ran out while connecting in the intake, unsent', async () => {
    const created: string[] = [];
    const { report } = await deliver(items(3), async () => {
      clock += 700; // the connection took until 50 ms before sending stops
      return fakeClient(1, created);
    }, 1_000);
    expect(created).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, pending: 3 });
    expect([...report.keptIntakes]).toEqual([INTAKE]);
    expect((await readdir(paths.pending)).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('spools an incident whose claim it took over from a dead process, when time runs out before sending: that claim was the trace of a send', async () => {
    // A run killed mid-send left this claim; the incident may be in XSOAR already.
    await writeFile(claimPath(paths.pending, 'key-00'), JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname(), token: 't', expiresAt: clock + 60_000 }));
    const created: string[] = [];
    const { report } = await deliver(items(2), async () => {
      clock += 700;
      return fakeClient(1, created);
    }, 1_000);
    expect(created).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, pending: 2 });
    // Its pending file makes the next run search XSOAR before creating; the other stays in the intake.
    expect((await readdir(paths.pending)).filter((f) => f.endsWith('.json'))).toEqual(['key-00.json']);
    expect([...report.keptIntakes]).toEqual([INTAKE]);
  });
});

import { writeFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ByteBudget, deliverIncidents, type DeliveryItem } from '../../src/runtime/deliver.js';
import { AlertsmithError } from '../../src/errors.js';
import { HttpFailure } from '../../src/runtime/http-request.js';
import { ledgerPath, recordDelivered } from '../../src/runtime/ledger.js';
import { createLog } from '../../src/runtime/log.js';
import { resolveRuntimeConfig } from '../../src/runtime/runtime-config.js';
import { claimKey, claimPath } from '../../src/runtime/key-claim.js';
import { ensureStateDirs, statePaths, type StatePaths } from '../../src/runtime/state-dir.js';
import { pendingPath, writePending } from '../../src/runtime/spool.js';
import { SearchFailed, type XsoarClient } from '../../src/runtime/xsoar-client.js';
import type { IncidentBody } from '../../src/incident/incident-body.js';
import { tempDir } from './temp-dir.js';

/**
 * deliverIncidents in-process, on a clock the test moves: what happens near the deadline is
 * decided by these steps, never by how fast this machine is (the process-level test of the
 * same behaviour failed on fast disks and passed on slow ones).
 */
/** Folders fsync'd by a delivery, in order: what a power cut after it could otherwise undo. */
const synced: string[] = [];
vi.mock('../../src/runtime/durable-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/runtime/durable-file.js')>();
  return {
    ...real,
    syncDir: async (dir: string) => {
      synced.push(dir);
      await real.syncDir(dir);
    },
  };
});

let clock = 0;
let state: Awaited<ReturnType<typeof tempDir>>;
let paths: StatePaths;
beforeEach(async () => {
  clock = Date.now();
  synced.length = 0;
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

/** One scripted answer of the fake XSOAR: a reply, or a failure thrown by the request. */
type Answer = { status: number; id?: string; text?: string; retryAfter?: string | string[] } | Error;

/**
 * A client answering creates and searches from scripts (the last answer repeats), recording each
 * request; each request takes `stepMs` of the test's clock.
 */
function scriptedClient(script: { create?: Answer[]; search?: (string | null | Error)[]; stepMs?: number }) {
  const calls: string[] = [];
  const bodies: IncidentBody[] = [];
  const timeouts: number[] = [];
  const next = <T>(list: T[], i: number): T => list[Math.min(i, list.length - 1)]!;
  let creates = 0;
  let searches = 0;
  const client: XsoarClient = {
    async create(body, timeoutMs) {
      timeouts.push(timeoutMs);
      clock += script.stepMs ?? 1;
      calls.push(`create ${body.name}`);
      bodies.push(body);
      const a = next(script.create ?? [{ status: 201, id: '1' }], creates++);
      if (a instanceof Error) throw a;
      const headers = a.retryAfter === undefined ? {} : { 'retry-after': a.retryAfter };
      return { status: a.status, headers, text: a.text ?? '', truncated: false, incidentId: a.id ?? null } as Awaited<ReturnType<XsoarClient['create']>>;
    },
    async findByKey(key, timeoutMs) {
      timeouts.push(timeoutMs);
      clock += script.stepMs ?? 1;
      calls.push(`search ${key}`);
      const a = next(script.search ?? [null], searches++);
      if (a instanceof Error) throw a;
      return a;
    },
    async about() {
      throw new Error('not used');
    },
    async listContent() {
      throw new Error('not used');
    },
    close() {
      calls.push('close');
    },
  };
  return { client, calls, bodies, timeouts };
}

const jsonFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
const readJson = async (path: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
const spooledItem = (i: number): DeliveryItem => ({ ...items(i + 1)[i]!, origin: 'pending', intake: undefined });
const freeItem = (i: number): DeliveryItem => ({ ...items(i + 1)[i]!, intake: undefined });

async function deliverWith(
  list: DeliveryItem[],
  connect: () => Promise<XsoarClient>,
  o: { deadlineInMs?: number; concurrency?: number; maxAttempts?: number; random?: () => number; budget?: ByteBudget } = {},
) {
  const lines: string[] = [];
  const config = {
    ...resolveRuntimeConfig({}, {}, {}, state.path), stateDir: state.path, concurrency: o.concurrency ?? 1, maxAttempts: o.maxAttempts ?? 5,
  };
  const report = await deliverIncidents(list, {
    paths, config, log: createLog((l) => lines.push(l)), deadline: clock + (o.deadlineInMs ?? 60_000), connect,
    budget: o.budget ?? new ByteBudget(1 << 20), random: o.random ?? (() => 0),
  });
  return { report, logs: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('deliverIncidents outcomes', () => {
  it('records a created incident in the ledger with its id, and closes the client', async () => {
    const x = scriptedClient({ create: [{ status: 201, id: '178791' }] });
    const { report, logs } = await deliverWith(items(1), async () => x.client);
    expect(report).toMatchObject({ delivered: 1, alreadyDelivered: 0, pending: 0, rejected: 0 });
    expect(report.keptIntakes.size).toBe(0);
    expect(report.halted).toBeUndefined();
    expect(x.calls).toEqual(['create incident 0', 'close']);
    expect(await readJson(ledgerPath(paths.delivered, 'key-00'))).toMatchObject({ key: 'key-00', rule: 'r', incidentId: '178791' });
    expect(logs).toEqual([expect.objectContaining({ level: 'info', event: 'delivered', rule: 'r', key: 'key-00', incident: '178791' })]);
    expect(await jsonFiles(paths.pending)).toEqual([]);
    expect(await readdir(paths.pending)).toEqual([]); // the claim is released
  });

  it('skips a key the ledger has, and drops the obsolete pending copy of one', async () => {
    await recordDelivered(paths.delivered, { key: 'key-00', rule: 'r', incidentId: '5', deliveredAt: 'then' });
    await recordDelivered(paths.delivered, { key: 'key-01', rule: 'r', incidentId: '6', deliveredAt: 'then' });
    await writePending(paths.pending, { format: 1, key: 'key-01', rule: 'r', body: items(2)[1]!.body(), spooledAt: 'then' });
    const x = scriptedClient({});
    const { report, logs } = await deliverWith([items(1)[0]!, spooledItem(1)], async () => x.client);
    expect(report).toMatchObject({ delivered: 0, alreadyDelivered: 2, pending: 0 });
    expect(x.calls).toEqual([]);
    expect(await jsonFiles(paths.pending)).toEqual([]);
    expect(logs.map((l) => [l.event, l.key])).toEqual([['already-delivered', 'key-00'], ['already-delivered', 'key-01']]);
  });

  it('keeps an incident XSOAR refuses as invalid under rejected/ with the reason, and never retries it', async () => {
    await writePending(paths.pending, { format: 1, key: 'key-00', rule: 'r', body: items(1)[0]!.body(), spooledAt: 'then' });
    const x = scriptedClient({ create: [{ status: 400, text: '{"title":"Bad Request","detail":"bad label"}' }] });
    const { report, logs } = await deliverWith([spooledItem(0)], async () => x.client);
    expect(report).toMatchObject({ delivered: 0, pending: 0, rejected: 1 });
    // A pending file means an earlier attempt may have created it: searched first.
    expect(x.calls).toEqual(['search key-00', 'create incident 0', 'close']);
    expect(await jsonFiles(paths.pending)).toEqual([]);
    expect(await readJson(join(paths.rejected, 'key-00.json'))).toMatchObject({
      format: 1, key: 'key-00', rule: 'r', status: 400, reason: 'XSOAR refused the incident (400): Bad Request: bad label', body: { name: 'incident 0' },
    });
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', event: 'rejected', key: 'key-00', status: 400 }));
  });

  it('finds an incident an earlier attempt created instead of creating it again', async () => {
    await writePending(paths.pending, { format: 1, key: 'key-00', rule: 'r', body: items(1)[0]!.body(), spooledAt: 'then' });
    const x = scriptedClient({ search: ['4242'] });
    const { report, logs } = await deliverWith([spooledItem(0)], async () => x.client);
    expect(report).toMatchObject({ delivered: 1, pending: 0 });
    expect(x.calls).toEqual(['search key-00', 'close']);
    expect(await readJson(ledgerPath(paths.delivered, 'key-00'))).toMatchObject({ incidentId: '4242' });
    expect(await jsonFiles(paths.pending)).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'found-existing', incident: '4242' }));
  });

  it('searches first for an item marked searchFirst, and for a fresh item whose pending file exists', async () => {
    await writePending(paths.pending, { format: 1, key: 'key-01', rule: 'r', body: items(2)[1]!.body(), spooledAt: 'then' });
    const x = scriptedClient({});
    const list = [{ ...items(1)[0]!, searchFirst: true }, items(2)[1]!, items(3)[2]!];
    const { report } = await deliverWith(list, async () => x.client);
    expect(report).toMatchObject({ delivered: 3 });
    expect(x.calls).toEqual(['search key-00', 'create incident 0', 'search key-01', 'create incident 1', 'create incident 2', 'close']);
    expect(await jsonFiles(paths.pending)).toEqual([]);
  });

  it('spools an incident as soon as an attempt fails, retries after the backoff and searches first after a 5xx', async () => {
    const x = scriptedClient({ create: [{ status: 503, text: 'down' }, { status: 201, id: '9' }] });
    const seen: string[][] = [];
    const { report, logs } = await deliverWith([freeItem(0)], async () => {
      // What is in pending/ while the retry waits: observed at the second request.
      const inner = x.client;
      return { ...inner, findByKey: async (key: string, t: number) => (seen.push(await jsonFiles(paths.pending)), inner.findByKey(key, t)) };
    }, { random: () => 0.5 });
    expect(report).toMatchObject({ delivered: 1, pending: 0 });
    expect(seen).toEqual([['key-00.json']]);
    expect(x.calls).toEqual(['create incident 0', 'search key-00', 'create incident 0', 'close']);
    expect(await jsonFiles(paths.pending)).toEqual([]);
    expect(logs.find((l) => l.event === 'retry')).toMatchObject({ level: 'warn', key: 'key-00', attempt: 1, waitMs: 100, reason: 'server error 503: down' });
  });

  it('does not search after a 408 or 429, which XSOAR refused before acting, and waits as Retry-After says', async () => {
    const x = scriptedClient({ create: [{ status: 429, retryAfter: ['0.02', '9'] }, { status: 408 }, { status: 201, id: '1' }] });
    const { report, logs } = await deliverWith([freeItem(0)], async () => x.client);
    expect(report).toMatchObject({ delivered: 1 });
    expect(x.calls).toEqual(['create incident 0', 'create incident 0', 'create incident 0', 'close']);
    expect(logs.filter((l) => l.event === 'retry').map((l) => l.waitMs)).toEqual([20, 0]);
  });

  it('leaves an incident pending when every attempt fails, with the last reason, and does not wait after the last', async () => {
    const x = scriptedClient({ create: [{ status: 502, text: 'bad gateway' }] });
    const { report, logs } = await deliverWith([freeItem(0)], async () => x.client, { maxAttempts: 3, random: () => 0.01 });
    expect(report).toMatchObject({ delivered: 0, pending: 1 });
    expect(x.calls).toEqual(['create incident 0', 'search key-00', 'create incident 0', 'search key-00', 'create incident 0', 'close']);
    expect(await jsonFiles(paths.pending)).toEqual(['key-00.json']);
    expect(await readJson(pendingPath(paths.pending, 'key-00'))).toMatchObject({ format: 1, key: 'key-00', rule: 'r', body: { name: 'incident 0' } });
    expect(logs.at(-1)).toMatchObject({ level: 'warn', event: 'pending', key: 'key-00', reason: 'server error 502: bad gateway' });
    expect(logs.filter((l) => l.event === 'retry').map((l) => l.attempt)).toEqual([1, 2]);
  });

  it('stops retrying when the wait would pass the time left, and says so', async () => {
    const x = scriptedClient({ create: [{ status: 429, retryAfter: '60' }] });
    const { report, logs } = await deliverWith([freeItem(0)], async () => x.client, { deadlineInMs: 10_000 });
    expect(report).toMatchObject({ delivered: 0, pending: 1 });
    expect(x.calls).toEqual(['create incident 0', 'close']);
    expect(logs.at(-1)).toMatchObject({ event: 'pending', reason: 'rate limited (429); deadline reached' });
  });

  it('retries a request that failed in transit, searching first only when it may have arrived', async () => {
    const x = scriptedClient({
      create: [new HttpFailure('refused', 'ECONNREFUSED', false), new HttpFailure('reset', 'ECONNRESET', true), { status: 201, id: '1' }],
    });
    const { report, logs } = await deliverWith([freeItem(0)], async () => x.client);
    expect(report).toMatchObject({ delivered: 1 });
    expect(x.calls).toEqual(['create incident 0', 'create incident 0', 'search key-00', 'create incident 0', 'close']);
    expect(logs.filter((l) => l.event === 'retry').map((l) => l.reason)).toEqual(['ECONNREFUSED: refused', 'ECONNRESET: reset']);
  });

  it('retries a failed or unreadable search and never creates blindly after one', async () => {
    await writePending(paths.pending, { format: 1, key: 'key-00', rule: 'r', body: items(1)[0]!.body(), spooledAt: 'then' });
    const x = scriptedClient({ search: [new SearchFailed(500, 'oops', undefined), new Error('search reply without a readable incident id'), null] });
    const { report, logs } = await deliverWith([spooledItem(0)], async () => x.client);
    expect(report).toMatchObject({ delivered: 1 });
    expect(x.calls).toEqual(['search key-00', 'search key-00', 'search key-00', 'create incident 0', 'close']);
    expect(logs.filter((l) => l.event === 'retry').map((l) => l.reason)).toEqual(['server error 500: oops', 'search reply without a readable incident id']);
  });

  it('halts on a refused key: nothing more is sent, and every incident stays where it is kept', async () => {
    const x = scriptedClient({ create: [{ status: 401 }] });
    const { report, logs } = await deliverWith([...items(3), freeItem(3)], async () => x.client);
    expect(x.calls).toEqual(['create incident 0', 'close']);
    expect(report.halted).toMatch(/^the API key was refused \(401\)/);
    expect(report.configError).toBeUndefined();
    expect(report).toMatchObject({ delivered: 0, pending: 4 });
    expect([...report.keptIntakes]).toEqual([INTAKE]);
    // The one tried is spooled, and the one without an intake; the others stay in the intake.
    expect(await jsonFiles(paths.pending)).toEqual(['key-00.json', 'key-03.json']);
    expect(logs.filter((l) => l.event === 'halted')).toEqual([expect.objectContaining({ level: 'error', status: 401 })]);
    expect(logs.find((l) => l.event === 'pending' && l.key === 'key-03')).toMatchObject({ reason: report.halted });
    expect(logs.find((l) => l.event === 'deadline')).toMatchObject({ left: 2 });
  });

  it('sends no more after a halt even with requests waiting in parallel', async () => {
    const x = scriptedClient({ create: [{ status: 404 }] });
    const { report } = await deliverWith(items(4), async () => x.client, { concurrency: 4 });
    expect(x.calls.filter((c) => c.startsWith('create'))).toHaveLength(1);
    expect(report).toMatchObject({ delivered: 0, pending: 4 });
    expect(report.halted).toMatch(/^no XSOAR API answers at this URL \(404\)/);
  });

  it('sends the first request alone, then the rest in parallel', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    const x = scriptedClient({});
    const client: XsoarClient = {
      ...x.client,
      async create(body, t) {
        events.push(`start ${body.name}`);
        inFlight++;
        most = Math.max(most, inFlight);
        // After the first, each create is held until three are in flight at once.
        if (events.length > 1) while (inFlight < 3 && most < 3) await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        events.push(`answer ${body.name}`);
        return x.client.create(body, t);
      },
    };
    const { report } = await deliverWith(items(4), async () => client, { concurrency: 3 });
    expect(report).toMatchObject({ delivered: 4 });
    // Whichever went first was answered before any other started.
    expect(events[1]).toBe(events[0]!.replace('start', 'answer'));
    expect(most).toBe(3);
  });

  it('spools everything, intakes included, when the configuration makes sending impossible', async () => {
    const { report, logs } = await deliverWith([...items(2), freeItem(2)], async () => {
      throw new AlertsmithError('ALERTSMITH_NO_URL', 'no XSOAR URL');
    });
    expect(report.configError?.code).toBe('ALERTSMITH_NO_URL');
    expect(report.halted).toBe('no XSOAR URL');
    expect(report).toMatchObject({ delivered: 0, pending: 3 });
    expect(report.keptIntakes.size).toBe(0);
    expect(await jsonFiles(paths.pending)).toEqual(['key-00.json', 'key-01.json', 'key-02.json']);
    expect(logs.filter((l) => l.event === 'pending').map((l) => l.reason)).toEqual(['no XSOAR URL', 'no XSOAR URL', 'no XSOAR URL']);
  });

  it('lets an unexpected failure to connect through', async () => {
    await expect(deliverWith(items(1), async () => {
      throw new TypeError('a bug');
    })).rejects.toThrow('a bug');
  });

  it('leaves for later an item without an intake by spooling it, when no time is left to try', async () => {
    const x = scriptedClient({});
    const { report, logs } = await deliverWith([freeItem(0), spooledItem(1)], async () => x.client, { deadlineInMs: 300 });
    expect(x.calls).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, pending: 2 });
    expect(report.keptIntakes.size).toBe(0);
    expect(await jsonFiles(paths.pending)).toEqual(['key-00.json']);
    expect(logs).toEqual([expect.objectContaining({ event: 'pending', key: 'key-00', reason: 'deadline reached' })]);
  });
});

describe('deliverIncidents with a key another process holds', () => {
  /** A claim file of a live process (the test runner's parent), expiring at `expiresAt` on the test clock. */
  const holdElsewhere = (key: string, expiresAt: number) =>
    writeFile(claimPath(paths.pending, key), JSON.stringify({ pid: process.ppid, host: hostname(), token: 'other', expiresAt }));

  it('waits while the other process holds it and keeps it when the deadline comes first', async () => {
    await holdElsewhere('key-00', clock + 600_000);
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 20));
    const x = scriptedClient({});
    const { report, logs } = await deliverWith(items(2), async () => x.client, { deadlineInMs: 1_000 });
    expect(x.calls).toEqual(['create incident 1', 'close']);
    expect(report).toMatchObject({ delivered: 1, pending: 1 });
    expect([...report.keptIntakes]).toEqual([INTAKE]);
    expect(logs.find((l) => l.event === 'deadline')).toMatchObject({ left: 1 });
  });

  it('spools an item without an intake that is still held at the deadline, saying who holds it', async () => {
    await holdElsewhere('key-00', clock + 600_000);
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 20));
    const x = scriptedClient({});
    const { report, logs } = await deliverWith([freeItem(0)], async () => x.client, { deadlineInMs: 1_000 });
    expect(x.calls).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, pending: 1 });
    expect(await jsonFiles(paths.pending)).toEqual(['key-00.json']);
    expect(logs.filter((l) => l.event === 'pending')).toEqual([
      expect.objectContaining({ key: 'key-00', reason: 'another alertsmith-incident process is delivering this key' }),
    ]);
  });

  it('takes the key over when the other claim expires, and asks XSOAR first', async () => {
    await holdElsewhere('key-00', clock + 200);
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 20));
    const x = scriptedClient({});
    const { report } = await deliverWith(items(1), async () => x.client, { deadlineInMs: 60_000 });
    expect(x.calls).toEqual(['search key-00', 'create incident 0', 'close']);
    expect(report).toMatchObject({ delivered: 1, pending: 0 });
  });

  it('counts the key as delivered when the other process recorded it meanwhile', async () => {
    await holdElsewhere('key-00', clock + 600_000);
    let calls = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => {
      calls++;
      // The other process finishes a few polls later: its ledger entry appears, its claim goes.
      if (calls === 12) void recordDelivered(paths.delivered, { key: 'key-00', rule: 'r', incidentId: '3', deliveredAt: 'now' });
      return (clock += 5);
    });
    const x = scriptedClient({});
    const { report } = await deliverWith(items(1), async () => x.client, { deadlineInMs: 60_000 });
    expect(x.calls).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, alreadyDelivered: 1, pending: 0 });
  });
});

describe('ByteBudget', () => {
  it('lets small bodies through at once, holds one that would pass the limit until room is freed, and lets an oversized one go alone', async () => {
    const budget = new ByteBudget(100);
    const a = await budget.acquire(60);
    const b = await budget.acquire(40);
    let third = false;
    const c = budget.acquire(10).then((release) => ((third = true), release));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);
    a();
    const releaseC = await c;
    expect(third).toBe(true);
    b();
    releaseC();
    const big = await budget.acquire(1_000);
    let small = false;
    const d = budget.acquire(1).then((release) => ((small = true), release));
    await new Promise((resolve) => setImmediate(resolve));
    expect(small).toBe(false);
    big();
    (await d)();
    expect(small).toBe(true);
  });
});

describe('deliverIncidents: durability, logs and limits', () => {
  it('syncs each folder that gained a file, and only those', async () => {
    const ok = scriptedClient({});
    await deliverWith(items(1), async () => ok.client);
    expect(synced).toEqual([paths.delivered]);
    synced.length = 0;
    const refused = scriptedClient({ create: [{ status: 400 }] });
    await deliverWith([freeItem(1)], async () => refused.client);
    expect(synced).toEqual([paths.rejected]);
    synced.length = 0;
    const down = scriptedClient({ create: [{ status: 503 }] });
    await deliverWith([freeItem(2)], async () => down.client, { maxAttempts: 1 });
    expect(synced).toEqual([paths.pending]);
    synced.length = 0;
    await deliverWith([items(1)[0]!], async () => ok.client);
    expect(synced).toEqual([]); // already delivered: nothing new
  });

  it('holds the key against other claimants while it sends', async () => {
    let other: Awaited<ReturnType<typeof claimKey>> | undefined;
    const x = scriptedClient({});
    const client: XsoarClient = {
      ...x.client,
      async create(body, t) {
        other = await claimKey(paths.pending, 'key-00', clock + 60_000);
        return x.client.create(body, t);
      },
    };
    await deliverWith(items(1), async () => client);
    expect(other).toEqual({ status: 'busy' });
  });

  it('logs each outcome at its level', async () => {
    await recordDelivered(paths.delivered, { key: 'key-01', rule: 'r', incidentId: '1', deliveredAt: 'then' });
    const x = scriptedClient({});
    const { logs } = await deliverWith([freeItem(0), freeItem(1)], async () => x.client, { deadlineInMs: 300 });
    expect(logs.map((l) => [l.level, l.event, l.key])).toEqual([['warn', 'pending', 'key-00'], ['info', 'already-delivered', 'key-01']]);
    const { logs: kept } = await deliverWith(items(3).slice(2), async () => x.client, { deadlineInMs: 300 });
    expect(kept).toEqual([expect.objectContaining({ level: 'warn', event: 'deadline', left: 1, note: expect.stringContaining('alertsmith-incident replay') })]);
  });

  it('says why an incident it could not try in time is pending', async () => {
    const x = scriptedClient({});
    const { logs } = await deliverWith([freeItem(0)], async () => {
      clock += 700;
      return x.client;
    }, { deadlineInMs: 1_000 });
    expect(x.calls).toEqual(['close']);
    expect(logs).toEqual([expect.objectContaining({ event: 'pending', key: 'key-00', reason: 'deadline reached' })]);
  });

  it('spools a taken-over claim it had no time to send with the reason', async () => {
    await writeFile(claimPath(paths.pending, 'key-00'), JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname(), token: 't', expiresAt: clock + 60_000 }));
    const x = scriptedClient({});
    const { logs } = await deliverWith([items(1)[0]!], async () => {
      clock += 700;
      return x.client;
    }, { deadlineInMs: 1_000 });
    expect(logs).toEqual([expect.objectContaining({ event: 'pending', key: 'key-00', reason: 'not sent; deadline reached' })]);
  });

  it('still tries with exactly the minimum attempt time left, and not with less', async () => {
    // Sending stops 250 ms before the deadline and an attempt needs 100 ms: 350 ms is just enough.
    const enough = scriptedClient({ stepMs: 0 });
    expect((await deliverWith([freeItem(0)], async () => enough.client, { deadlineInMs: 350 })).report).toMatchObject({ delivered: 1 });
    const short = scriptedClient({ stepMs: 0 });
    expect((await deliverWith([freeItem(1)], async () => short.client, { deadlineInMs: 349 })).report).toMatchObject({ delivered: 0, pending: 1 });
    expect(short.calls).toEqual([]);
  });

  it('gives up when the wait asked for would end exactly when sending stops', async () => {
    // The 429 answers at 1 ms; sending stops at 1,251 - 250 = 1,001 ms: 1 ms + 1,000 ms is not before it.
    const x = scriptedClient({ create: [{ status: 429, retryAfter: '1' }, { status: 201, id: '1' }] });
    const { report, logs } = await deliverWith([freeItem(0)], async () => x.client, { deadlineInMs: 1_251 });
    expect(report).toMatchObject({ delivered: 0, pending: 1 });
    expect(logs.at(-1)).toMatchObject({ event: 'pending', reason: 'rate limited (429); deadline reached' });
  });

  it('leaves a retried incident spooled, not in its intake, when the time runs out before its next attempt', async () => {
    const x = scriptedClient({ create: [{ status: 429 }], stepMs: 700 });
    const { report, logs } = await deliverWith(items(1), async () => x.client, { deadlineInMs: 1_000 });
    expect(x.calls).toEqual(['create incident 0', 'close']);
    expect(report).toMatchObject({ delivered: 0, pending: 1 });
    expect(report.keptIntakes.size).toBe(0);
    expect(await jsonFiles(paths.pending)).toEqual(['key-00.json']);
    expect(logs.at(-1)).toMatchObject({ event: 'pending', reason: 'rate limited (429); deadline reached' });
  });

  it('gives each request the time left, at most the request timeout', async () => {
    await writePending(paths.pending, { format: 1, key: 'key-00', rule: 'r', body: items(1)[0]!.body(), spooledAt: 'then' });
    const long = scriptedClient({ stepMs: 0 });
    await deliverWith([spooledItem(0)], async () => long.client);
    expect(long.timeouts).toEqual([10_000, 10_000]);
    await writePending(paths.pending, { format: 1, key: 'key-01', rule: 'r', body: items(2)[1]!.body(), spooledAt: 'then' });
    const short = scriptedClient({ stepMs: 500 });
    await deliverWith([spooledItem(1)], async () => short.client, { deadlineInMs: 2_000 });
    // Sending stops at 1,750 ms: the search gets 1,750, the create after it 1,250.
    expect(short.timeouts).toEqual([1_750, 1_250]);
  });

  it('searches once, and not again after a refusal made before XSOAR acted', async () => {
    await writePending(paths.pending, { format: 1, key: 'key-00', rule: 'r', body: items(1)[0]!.body(), spooledAt: 'then' });
    const x = scriptedClient({ create: [{ status: 429 }, { status: 201, id: '1' }] });
    await deliverWith([spooledItem(0)], async () => x.client);
    expect(x.calls).toEqual(['search key-00', 'create incident 0', 'create incident 0', 'close']);
  });

  it('reserves each body size it sends from the byte budget', async () => {
    const sizes: number[] = [];
    const budget = new ByteBudget(1 << 20);
    const acquire = budget.acquire.bind(budget);
    budget.acquire = (bytes) => (sizes.push(bytes), acquire(bytes));
    const x = scriptedClient({});
    await deliverWith([{ ...freeItem(0), sizeHint: 300 }, freeItem(1)], async () => x.client, { budget });
    expect(sizes).toEqual([300, 0]);
  });

  it('does not send a key another process recorded between its first check and its claim', async () => {
    const x = scriptedClient({});
    let calls = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => {
      // The first reading of the clock comes after the first ledger check, before the claim.
      if (++calls === 1) writeFileSync(ledgerPath(paths.delivered, 'key-00'), '{}\n');
      return clock;
    });
    const { report } = await deliverWith(items(1), async () => x.client);
    expect(x.calls).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, alreadyDelivered: 1 });
    expect(await readdir(paths.pending)).toEqual([]);
  });
});

describe('deliverIncidents: the first request goes alone', () => {
  it('starts no other request until the first is answered, even while that one is slow', async () => {
    const events: string[] = [];
    const x = scriptedClient({});
    const client: XsoarClient = {
      ...x.client,
      async create(body, t) {
        events.push(`start ${body.name}`);
        if (events.length === 1) {
          // Slow on purpose: the others have claimed their keys and wait for this answer.
          while ((await readdir(paths.pending)).filter((f) => f.endsWith('.claim')).length < 3) await new Promise((r) => setImmediate(r));
        }
        events.push(`answer ${body.name}`);
        return x.client.create(body, t);
      },
    };
    await deliverWith(items(3), async () => client, { concurrency: 3 });
    expect(events[1]).toBe(events[0]!.replace('start', 'answer'));
  });

  it('lets the others go once the first has an answer, even one it must retry', async () => {
    const created: string[] = [];
    const x = scriptedClient({});
    let first: string | undefined;
    const client: XsoarClient = {
      ...x.client,
      async create(body, t) {
        first ??= body.name;
        if (body.name === first) {
          if (!created.includes(`${body.name} refused`)) {
            created.push(`${body.name} refused`);
            return { status: 503, headers: {}, text: '', truncated: false, incidentId: null };
          }
          // Its retry waits for the others: they must not be waiting for it.
          while (created.length < 3) await new Promise((r) => setImmediate(r));
        }
        created.push(body.name);
        return x.client.create(body, t);
      },
    };
    const { report } = await deliverWith(items(3), async () => client, { concurrency: 3 });
    expect(report).toMatchObject({ delivered: 3 });
  });
});

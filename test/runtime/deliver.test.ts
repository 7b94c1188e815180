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
import { claimPath } from '../../src/runtime/key-claim.js';
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

/** One scripted answer of the fake XSOAR: a reply, or a failure thrown by the request. */
type Answer = { status: number; id?: string; text?: string; retryAfter?: string | string[] } | Error;

/**
 * A client answering creates and searches from scripts (the last answer repeats), recording each
 * request; each request takes `stepMs` of the test's clock.
 */
function scriptedClient(script: { create?: Answer[]; search?: (string | null | Error)[]; stepMs?: number }) {
  const calls: string[] = [];
  const bodies: IncidentBody[] = [];
  const next = <T>(list: T[], i: number): T => list[Math.min(i, list.length - 1)]!;
  let creates = 0;
  let searches = 0;
  const client: XsoarClient = {
    async create(body) {
      clock += script.stepMs ?? 1;
      calls.push(`create ${body.name}`);
      bodies.push(body);
      const a = next(script.create ?? [{ status: 201, id: '1' }], creates++);
      if (a instanceof Error) throw a;
      const headers = a.retryAfter === undefined ? {} : { 'retry-after': a.retryAfter };
      return { status: a.status, headers, text: a.text ?? '', truncated: false, incidentId: a.id ?? null } as Awaited<ReturnType<XsoarClient['create']>>;
    },
    async findByKey(key) {
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
  return { client, calls, bodies };
}

const jsonFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
const readJson = async (path: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
const spooledItem = (i: number): DeliveryItem => ({ ...items(i + 1)[i]!, origin: 'pending', intake: undefined });
const freeItem = (i: number): DeliveryItem => ({ ...items(i + 1)[i]!, intake: undefined });

async function deliverWith(list: DeliveryItem[], connect: () => Promise<XsoarClient>, o: { deadlineInMs?: number; concurrency?: number; maxAttempts?: number; random?: () => number } = {}) {
  const lines: string[] = [];
  const config = {
    ...resolveRuntimeConfig({}, {}, {}, state.path), stateDir: state.path, concurrency: o.concurrency ?? 1, maxAttempts: o.maxAttempts ?? 5,
  };
  const report = await deliverIncidents(list, {
    paths, config, log: createLog((l) => lines.push(l)), deadline: clock + (o.deadlineInMs ?? 60_000), connect,
    budget: new ByteBudget(1 << 20), random: o.random ?? (() => 0),
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

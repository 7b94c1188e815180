import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY, matchesJson, runBundle, SSH_FLAGS, useRuntimeWorld, type RunResult } from './runtime-harness.js';

const world = useRuntimeWorld({ apiKeyId: '7' });
const outputs: string[] = [];
afterAll(() => {
  // Every run of this file, whatever it tested: the key never reached stdout or stderr.
  for (const text of outputs) expect(text).not.toContain(API_KEY);
});

async function run(args: string[], input = '', env: Record<string, string> = {}, timeoutMs?: number): Promise<RunResult> {
  const r = await runBundle(world.bundle.file, args, {
    input,
    env: { ...world.env(), ...env },
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  outputs.push(r.stdout, r.stderr);
  return r;
}
const send = (input: string, env: Record<string, string> = {}) => run(SSH_FLAGS, input, env);
const replay = (env: Record<string, string> = {}, timeoutMs?: number) => run(['replay'], '', env, timeoutMs);
const status = async () => JSON.parse((await run(['status'])).stdout) as Record<string, number>;
const dedupKeys = () => world.sim.incidents().map((i) => (i.body.labels as { type: string; value: string }[]).find((l) => l.type === 'alertsmith.dedup_key')!.value);

describe('creating incidents', () => {
  it('creates one XSOAR 6 incident per match with the key in Authorization, and records them in the ledger', async () => {
    const r = await send(matchesJson(3));
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(3);
    expect(world.sim.incidents().every((i) => i.flavour === 'xsoar6' && i.auth === 'standard')).toBe(true);
    expect(world.sim.incidents().find((i) => i.body.name === 'SSH brute force on host-0')!.body).toMatchObject({ type: 'Brute Force', severity: 3 });
    const creates = world.sim.requests().filter((q) => q.path === '/incident');
    expect(creates.every((q) => q.headers.authorization === API_KEY && q.headers['x-xdr-auth-id'] === undefined)).toBe(true);
    expect(await status()).toMatchObject({ pending: 0, rejected: 0, delivered: 3 });
    expect(r.logs.find((l) => l.event === 'summary')).toMatchObject({ delivered: 3, pending: 0 });
  });

  it('skips matches already delivered when ElastAlert retries the same alert', async () => {
    await send(matchesJson(3));
    const again = await send(matchesJson(5));
    expect(again.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(5);
    expect(new Set(dedupKeys()).size).toBe(5);
    expect(again.logs.find((l) => l.event === 'summary')).toMatchObject({ delivered: 2, alreadyDelivered: 3 });
  });

  it('uses XSOAR 8 paths and x-xdr-auth-id when a key id is set', async () => {
    const r = await send(matchesJson(1), { DEMISTO_API_KEY_ID: '7' });
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()[0]).toMatchObject({ flavour: 'xsoar8', auth: 'standard' });
    const create = world.sim.requests().find((q) => q.path === '/xsoar/public/v1/incident')!;
    expect(create.headers).toMatchObject({ authorization: API_KEY, 'x-xdr-auth-id': '7' });
  });

  it('signs each request with an advanced key and never sends the key itself', async () => {
    const r = await send(matchesJson(2), { DEMISTO_API_KEY_ID: '7', ALERTSMITH_XSOAR_AUTH: 'advanced' });
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents().map((i) => i.auth)).toEqual(['advanced', 'advanced']);
    for (const q of world.sim.requests()) {
      expect(q.headers['x-xdr-nonce']).toMatch(/^[A-Za-z0-9]{64}$/);
      expect(Number(q.headers['x-xdr-timestamp']) % 1000).toBe(0);
      expect(JSON.stringify(q.headers)).not.toContain(API_KEY);
    }
  });

  it('reads the connection from a --config file readable by its owner only', async () => {
    const file = join(world.state.path, 'runtime.json');
    await writeFile(file, JSON.stringify({ url: world.sim.url, apiKey: API_KEY }));
    await chmod(file, 0o644);
    const unsafe = await runBundle(world.bundle.file, [...SSH_FLAGS, `--config=${file}`, `--state-dir=${world.state.path}`], { input: matchesJson(1) });
    outputs.push(unsafe.stdout, unsafe.stderr);
    expect(unsafe.exitCode).toBe(2);
    expect(unsafe.logs[0]!.message).toContain(`chmod 600 ${file}`);
    expect(world.sim.incidents()).toHaveLength(0);
    await chmod(file, 0o600);
    const ok = await runBundle(world.bundle.file, [...SSH_FLAGS, `--config=${file}`, `--state-dir=${world.state.path}`], { input: matchesJson(1) });
    outputs.push(ok.stdout, ok.stderr);
    expect(ok.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
  });
});

describe('failures: retried, spooled, replayed exactly once', () => {
  it('retries 5xx answers with backoff and delivers once', async () => {
    world.sim.inject({ fail: { count: 2, status: 503 } });
    const r = await send(matchesJson(1));
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
    expect(r.logs.filter((l) => l.event === 'retry')).toHaveLength(2);
  });

  it('honours Retry-After on 429', async () => {
    world.sim.inject({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    const started = Date.now();
    const r = await send(matchesJson(1));
    expect(r.exitCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.logs.find((l) => l.event === 'retry')).toMatchObject({ waitMs: 1000 });
    expect(world.sim.incidents()).toHaveLength(1);
  });

  it('spools everything when the server keeps failing, exits 3, and replay delivers each incident once', async () => {
    world.sim.inject({ fail: { count: 1000, status: 500 } });
    // Long enough for the first attempts even on a starved machine; the retries end at the deadline.
    const r = await send(matchesJson(4), { ALERTSMITH_DEADLINE_MS: '5000' });
    expect(r.exitCode).toBe(3);
    expect(await status()).toMatchObject({ pending: 4, delivered: 0 });
    world.sim.clearFaults();
    const first = await replay();
    expect(first.exitCode).toBe(0);
    const second = await replay();
    expect(second.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(4);
    expect(new Set(dedupKeys()).size).toBe(4);
    expect(await status()).toMatchObject({ pending: 0, delivered: 4 });
  });

  it('spools when the connection is refused, then replay delivers', async () => {
    const r = await send(matchesJson(2), { DEMISTO_BASE_URL: 'http://127.0.0.1:9', ALERTSMITH_DEADLINE_MS: '5000' });
    expect(r.exitCode).toBe(3);
    expect(r.logs.find((l) => l.event === 'pending')!.reason).toMatch(/ECONNREFUSED/);
    expect((await replay()).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(2);
  });

  it('replays a spool larger than one batch: every incident once', async () => {
    // 1,100 pending files, as a long outage leaves them: the bodies --dry-run plans for the matches.
    const planned = JSON.parse((await run([...SSH_FLAGS, '--dry-run'], matchesJson(1_100))).stdout) as { key: string; body: unknown }[];
    await mkdir(join(world.state.path, 'pending'), { recursive: true, mode: 0o700 });
    await Promise.all(planned.map(({ key, body }) => writeFile(join(world.state.path, 'pending', `${key}.json`),
      JSON.stringify({ format: 1, key, rule: 'ssh-brute-force', body, spooledAt: new Date().toISOString() }))));
    // The batching is under test, not the deadline: a busy machine must not make it run out.
    const r = await replay({ ALERTSMITH_DEADLINE_MS: '600000' }, 110_000);
    expect(r.exitCode).toBe(0);
    expect(r.logs.find((l) => l.event === 'summary')).toMatchObject({ found: 1_100, delivered: 1_100, pending: 0 });
    expect(world.sim.incidents()).toHaveLength(1_100);
    expect(new Set(dedupKeys()).size).toBe(1_100);
    expect(await status()).toMatchObject({ pending: 0, delivered: 1_100 });
  }, 240_000);

  it('never holds ElastAlert past the deadline when the server hangs, and replay does not double the incident', async () => {
    world.sim.inject({ hang: { count: 1 } });
    const started = Date.now();
    const r = await send(matchesJson(1), { ALERTSMITH_DEADLINE_MS: '2000' });
    // Held for the request timeout (10 s) without the deadline; the margin covers a slow start on a busy machine.
    expect(Date.now() - started).toBeLessThan(2000 + 5000);
    expect(r.exitCode).toBe(3);
    world.sim.clearFaults();
    expect((await replay()).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
  });

  it('at the deadline keeps the untried incidents in the saved input, and replay delivers them once', async () => {
    // Every create takes at least 150 ms, two at a time, and sending stops 250 ms before the
    // 3 s deadline: at most 36 of the 40 can be created, however fast the machine. Which of the
    // rest are left untried is the in-process test's subject (deliver.test.ts), on a fake clock.
    world.sim.inject({ latencyMs: 150 });
    const r = await send(matchesJson(40), { ALERTSMITH_DEADLINE_MS: '3000', ALERTSMITH_CONCURRENCY: '2' });
    expect(r.exitCode).toBe(3);
    // How many were created before the deadline depends on the machine (none, if it is starved).
    const sent = world.sim.incidents().length;
    expect(sent).toBeLessThan(40);
    const summary = r.logs.find((l) => l.event === 'summary')!;
    expect(summary).toMatchObject({ keptIntakes: 1 });
    expect(Number(summary.delivered) + Number(summary.pending)).toBe(40);
    expect(r.logs.find((l) => l.event === 'deadline')!.left).toBeGreaterThan(0);
    expect(await status()).toMatchObject({ intakes: 1 });

    world.sim.clearFaults();
    // Incidents cut short in flight by the deadline are spooled (they may have reached XSOAR).
    const spooled = (await status()).pending!;
    const before = world.sim.requests().length;
    expect((await replay()).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(40);
    expect(new Set(dedupKeys()).size).toBe(40);
    expect(await status()).toMatchObject({ intakes: 0, pending: 0, delivered: 40, inProgress: 0 });
    // Those the intake kept were never sent: created straight away; only the spooled ones are searched for.
    const replayed = world.sim.requests().slice(before);
    expect(replayed.filter((q) => q.path === '/incidents/search')).toHaveLength(spooled);
    expect(replayed.filter((q) => q.path === '/incident')).toHaveLength(40 - sent);
  });

  it('after a reset connection asks XSOAR for the key before creating again', async () => {
    world.sim.inject({ reset: { count: 1 } });
    const r = await send(matchesJson(1));
    expect(r.exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(1);
    expect(world.sim.requests().some((q) => q.path === '/incidents/search')).toBe(true);
  });

  it('finds an incident created by a run killed before recording it, instead of creating a second', async () => {
    // What kill -9 between XSOAR's answer and the ledger write leaves: a pending file, no ledger entry.
    await send(matchesJson(1));
    const key = dedupKeys()[0]!;
    const { rm } = await import('node:fs/promises');
    await rm(join(world.state.path, 'delivered', `${key}.json`));
    const pending = { format: 1, key, rule: 'ssh-brute-force', body: world.sim.incidents()[0]!.body, spooledAt: new Date().toISOString() };
    await writeFile(join(world.state.path, 'pending', `${key}.json`), JSON.stringify(pending));
    const again = await send(matchesJson(1));
    expect(again.exitCode).toBe(0);
    expect(again.logs.find((l) => l.event === 'found-existing')).toMatchObject({ key, incident: world.sim.incidents()[0]!.id });
    expect(world.sim.incidents()).toHaveLength(1);
    expect(await status()).toMatchObject({ pending: 0, delivered: 1 });
  });

  it('sends a 2 MB match whole and reads the incident id from a reply too large to keep, also when searching', async () => {
    const message = `${'x'.repeat(2 * 1024 * 1024)} {{host.name}} "quoted" \u{1F600}`;
    const input = JSON.stringify([{ ...JSON.parse(matchesJson(1))[0], message }]);
    const flags = [...SSH_FLAGS.filter((f) => !f.startsWith('--details=')), '--details={{message}}'];
    expect((await run(flags, input)).exitCode).toBe(0);
    const incident = world.sim.incidents()[0]!;
    expect(incident.body.details).toBe(message);
    expect((JSON.parse(incident.body.rawJSON as string) as { message: string }).message).toBe(message);
    const key = dedupKeys()[0]!;
    const ledger = join(world.state.path, 'delivered', `${key}.json`);
    expect(JSON.parse(await readFile(ledger, 'utf8'))).toMatchObject({ key, incidentId: incident.id });
    // As if killed before the ledger write: the search reply holds the whole 2 MB incident.
    const { rm } = await import('node:fs/promises');
    await rm(ledger);
    await writeFile(join(world.state.path, 'pending', `${key}.json`), JSON.stringify({ format: 1, key, rule: 'ssh-brute-force', body: incident.body, spooledAt: new Date().toISOString() }));
    const again = await run(flags, input);
    expect(again.exitCode).toBe(0);
    expect(again.logs.find((l) => l.event === 'found-existing')).toMatchObject({ key, incident: incident.id });
    expect(world.sim.incidents()).toHaveLength(1);
  });

  it('keeps an incident XSOAR refuses as invalid under rejected/ with the reason, exit 4', async () => {
    world.sim.inject({ fail: { count: 1, status: 400, body: { id: 'bad', status: 400, title: 'Bad Request', detail: 'labels must be strings' } } });
    const r = await send(matchesJson(1));
    expect(r.exitCode).toBe(4);
    const files = await readdir(join(world.state.path, 'rejected'));
    expect(files).toHaveLength(1);
    const record = JSON.parse(await readFile(join(world.state.path, 'rejected', files[0]!), 'utf8'));
    expect(record.reason).toMatch(/400.*labels must be strings/);
    expect(record.body.name).toBe('SSH brute force on host-0');
    expect(await status()).toMatchObject({ pending: 0, rejected: 1 });
  });

  it('stops and keeps everything pending when the key is refused, saying so without printing the key', async () => {
    const r = await send(matchesJson(3), { DEMISTO_API_KEY: 'wrong-key-but-long-enough' });
    expect(r.exitCode).toBe(3);
    expect(r.logs.find((l) => l.event === 'halted')!.reason).toMatch(/API key was refused/);
    expect(world.sim.requests().filter((q) => q.path === '/incident')).toHaveLength(1);
    expect(r.stderr).not.toContain('wrong-key-but-long-enough');
    expect(await status()).toMatchObject({ pending: 3 });
  });

  it('replay with a refused key halts at the first 401/403, keeps everything and says what to fix', async () => {
    world.sim.inject({ fail: { count: 1000, status: 500 } });
    expect((await send(matchesJson(20), { ALERTSMITH_DEADLINE_MS: '1200' })).exitCode).toBe(3);
    world.sim.clearFaults();
    // What the failed run left: incidents it attempted are spooled, the rest (if the deadline
    // came first, which depends on the machine's speed) stay in its kept intake.
    const left = await status();
    expect(left).toMatchObject({ delivered: 0 });
    const before = world.sim.requests().length;
    const r = await replay({ DEMISTO_API_KEY: 'wrong-key-but-long-enough' });
    expect(r.exitCode).toBe(3);
    expect(world.sim.requests().length - before).toBe(1);
    expect(r.logs.filter((l) => l.event === 'halted')).toHaveLength(1);
    expect(r.logs.find((l) => l.event === 'halted')!.reason).toMatch(/API key was refused \(403\): check DEMISTO_API_KEY/);
    expect(r.logs.some((l) => l.event === 'retry')).toBe(false);
    // Halted before anything was settled: nothing delivered or rejected, nothing left claimed.
    // (Incidents still in the kept intake may have been spooled as pending files on the way.)
    expect(await status()).toMatchObject({ delivered: 0, rejected: 0, inProgress: 0, intakes: left.intakes });
    expect((await status()).pending).toBeGreaterThanOrEqual(left.pending!);
    expect((await replay()).exitCode).toBe(0);
    expect(world.sim.incidents()).toHaveLength(20);
  });

  it('redacts the key even inside an error message that quotes the setting', async () => {
    const r = await send(matchesJson(1), { DEMISTO_BASE_URL: `not a url ${API_KEY}` });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('[redacted]');
    expect(r.stderr).not.toContain(API_KEY);
    expect(await status()).toMatchObject({ pending: 1 });
  });
});

describe('test-connection', () => {
  it('says OK with the server version when URL and key work', async () => {
    const r = await run(['test-connection']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^OK: connected to Cortex XSOAR \S+/);
  });

  it('says the key was refused, the URL has no API, or nothing listens, in plain words', async () => {
    const refused = await run(['test-connection'], '', { DEMISTO_API_KEY: 'not-the-key-at-all' });
    expect(refused.exitCode).toBe(6);
    expect(refused.stdout).toMatch(/API key was refused/);
    const wrongPath = await run(['test-connection'], '', { DEMISTO_BASE_URL: `${world.sim.url}/app` });
    expect(wrongPath.exitCode).toBe(6);
    expect(wrongPath.stdout).toMatch(/browser URL|no XSOAR API/);
    const nothing = await run(['test-connection'], '', { DEMISTO_BASE_URL: 'http://127.0.0.1:9' });
    expect(nothing.stdout).toMatch(/nothing accepts connections/);
  });
});

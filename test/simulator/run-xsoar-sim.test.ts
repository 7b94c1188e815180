import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/errors.js';
import { runXsoarSim } from '../../src/simulator/run-xsoar-sim.js';

const dir = mkdtempSync(join(tmpdir(), 'alertsmith-sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runXsoarSim', () => {
  it('prints the URL, serves until told to stop, and appends incidents to a store relative to cwd', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = runXsoarSim({ cwd: dir, store: 'incidents.jsonl', out, until });

    await expect.poll(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)).not.toBeNull();
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    const reply = await fetch(`${url}/incident`, {
      method: 'POST',
      headers: { authorization: 'sim-api-key' },
      body: JSON.stringify({ name: 'from the CLI' }),
    });
    expect(reply.status).toBe(200);
    await expect.poll(() => text).toContain('incident 1 (xsoar6, standard key): from the CLI');

    stop();
    expect(await running).toBe(0);
    expect(text).toContain('XSOAR simulator stopped');
    expect(JSON.parse(readFileSync(join(dir, 'incidents.jsonl'), 'utf8'))).toMatchObject({ id: '1', body: { name: 'from the CLI' } });
    await expect(fetch(`${url}/about`)).rejects.toThrow();
  });

  it('serves the incident types and fields of a content folder as build writes it, and drops other custom fields', async () => {
    const content = join(dir, 'xsoar');
    mkdirSync(join(content, 'IncidentTypes'), { recursive: true });
    mkdirSync(join(content, 'IncidentFields'), { recursive: true });
    writeFileSync(join(content, 'IncidentTypes', 'incidenttype-Brute_Force.json'), JSON.stringify({ id: 'Brute Force', name: 'Brute Force' }));
    writeFileSync(join(content, 'IncidentFields', 'incidentfield-hits.json'), JSON.stringify({ cliName: 'hits', type: 'number', associatedTypes: ['Brute Force'] }));
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    let stop!: () => void;
    const running = runXsoarSim({ cwd: dir, content: 'xsoar', out, until: new Promise<void>((resolve) => (stop = resolve)) });
    await expect.poll(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)).not.toBeNull();
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    expect(text).toContain('1 incident types and 1 custom fields from xsoar');
    const get = async (path: string) => (await fetch(`${url}${path}`, { headers: { authorization: 'sim-api-key' } })).json() as Promise<any[]>;
    expect((await get('/incidenttype')).map((t) => t.name)).toEqual(['Brute Force']);
    expect((await get('/incidentfields')).find((f) => f.cliName === 'hits')).toMatchObject({ type: 'number', system: false });
    const created = await fetch(`${url}/incident`, { method: 'POST', headers: { authorization: 'sim-api-key' }, body: JSON.stringify({ name: 'x', CustomFields: { hits: 3, nope: 'y' } }) });
    expect(((await created.json()) as any).CustomFields).toEqual({ hits: 3 });
    stop();
    expect(await running).toBe(0);
  });

  it('refuses a port in use with one line and exit 2, not an internal error', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (errors.push(String(chunk)), true));
    try {
      expect(await main(['xsoar-sim', '--port', String(port)], dir)).toBe(EXIT.usage);
    } finally {
      spy.mockRestore();
      busy.close();
    }
    expect(errors.join('')).toBe(`alertsmith: port ${port} on 127.0.0.1 is already in use: choose another with --port, or --port 0 for a free one [ALERTSMITH_SIM_PORT]\n`);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a --store it cannot write at start, with exit 2 (needs a non-root user: root writes anything)', async () => {
    const { chmodSync, writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'read-only.jsonl'), '');
    chmodSync(join(dir, 'read-only.jsonl'), 0o444);
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (errors.push(String(chunk)), true));
    try {
      expect(await main(['xsoar-sim', '--store', 'read-only.jsonl'], dir)).toBe(EXIT.usage);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('')).toMatch(/^alertsmith: cannot write the store file .*read-only\.jsonl \(EACCES\): choose a --store path in a folder you can write \[ALERTSMITH_SIM_STORE_UNWRITABLE\]\n$/);
  });

  it('is the xsoar-sim command, which refuses a port that is not a number', async () => {
    for (const port of ['eighty', '70000']) {
      let stderr = '';
      expect(await main(['xsoar-sim', '--port', port], dir, (text) => (stderr += text))).toBe(EXIT.usage);
      expect(stderr).toContain(`error: option '--port <n>' argument '${port}' is invalid. expected a port number from 0 to 65535`);
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { advancedKeyHeaders } from '../../src/simulator/authentication.js';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';

const KEY = { authorization: 'sim-api-key' };
const KEY8 = { authorization: 'sim-api-key', 'x-xdr-auth-id': '1' };
const incidentBody = {
  name: 'SSH brute force on web-1',
  type: 'Authentication',
  severity: 3,
  details: 'ten failures',
  labels: [{ type: 'alertsmith-dedup', value: 'ssh:abc' }],
  rawJSON: '{"host":{"name":"web-1"}}',
  occurred: '2026-11-27T10:00:00Z',
};

let sim: XsoarSimulator | undefined;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'alertsmith-sim-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}) {
  const response = await fetch(sim!.url + path, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(init.headers ?? KEY) },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

describe('startXsoarSimulator', () => {
  it('creates an XSOAR 6 incident, answers it with a string id and records it', async () => {
    sim = await startXsoarSimulator();
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await call('/incident', { body: incidentBody });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ ...incidentBody, id: '1', CustomFields: {} });
    expect(sim.incidents()).toEqual([{ id: '1', body: incidentBody, flavour: 'xsoar6', auth: 'standard' }]);
    expect(sim.requests()).toHaveLength(1);
    expect(sim.requests()[0]).toMatchObject({ method: 'POST', path: '/incident', status: 200, body: JSON.stringify(incidentBody) });
  });

  it('serves XSOAR 8 paths under /xsoar/public/v1 and demisto-py\'s /xsoar, requiring the key id', async () => {
    sim = await startXsoarSimulator({ apiKey: 'k8', apiKeyId: '42' });
    const headers = { authorization: 'k8', 'x-xdr-auth-id': '42' };
    expect((await call('/xsoar/public/v1/incident', { body: incidentBody, headers })).json.id).toBe('1');
    expect((await call('/xsoar/incident', { body: incidentBody, headers })).json.id).toBe('2');
    expect((await call('/xsoar/public/v1/incident', { body: incidentBody, headers: { authorization: 'k8' } })).status).toBe(403);
    expect(sim.incidents().map((i) => i.flavour)).toEqual(['xsoar8', 'xsoar8']);
  });

  it('accepts advanced keys and records the scheme', async () => {
    sim = await startXsoarSimulator();
    const headers = advancedKeyHeaders('sim-api-key', '1', 'N'.repeat(64), 1_764_237_600_000);
    expect((await call('/xsoar/public/v1/incident', { body: incidentBody, headers })).status).toBe(200);
    expect(sim.incidents()[0]).toMatchObject({ flavour: 'xsoar8', auth: 'advanced' });
  });

  it('answers a bad key with 403 and XSOAR\'s own confusing JSON body, creating nothing', async () => {
    sim = await startXsoarSimulator();
    const reply = await call('/incident', { body: incidentBody, headers: { authorization: 'wrong' } });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({
      id: 'forbidden',
      status: 403,
      title: 'Forbidden',
      detail: 'Issue with CSRF code',
      error: 'http: named cookie not present',
      encrypted: false,
      multires: null,
    });
    expect(sim.incidents()).toEqual([]);
  });

  it('answers 400 with every reason for a body that breaks the create rules', async () => {
    sim = await startXsoarSimulator();
    const reply = await call('/incident', { body: { ...incidentBody, severity: 7, labels: [{ type: 'port', value: 22 }] } });
    expect(reply.status).toBe(400);
    expect(reply.json.detail).toBe('invalid incident: severity: must be one of 0, 0.5, 1, 2, 3, 4, got 7; labels: [0].value must be a string, got a number');
    const notJson = await call('/incident', { raw: '{"name":' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.detail).toMatch(/^the request body is not valid JSON/);
    expect(sim.incidents()).toEqual([]);
  });

  it('answers about on both path families after checking the key', async () => {
    sim = await startXsoarSimulator();
    expect((await call('/about', { method: 'GET' })).json.demistoVersion).toMatch(/^6\./);
    expect((await call('/xsoar/public/v1/about', { method: 'GET', headers: KEY8 })).json.demistoVersion).toMatch(/^8\./);
    expect((await call('/about', { method: 'GET', headers: { authorization: 'nope' } })).status).toBe(403);
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    sim = await startXsoarSimulator();
    expect((await call('/incident/batch', { body: {} })).status).toBe(404);
    expect((await call('/incident', { method: 'GET' })).status).toBe(405);
  });

  it('searches by de-duplication label, pages results, and returns no data without a size', async () => {
    sim = await startXsoarSimulator();
    for (const value of ['a', 'b', 'a']) {
      await call('/incident', { body: { ...incidentBody, labels: [{ type: 'alertsmith-dedup', value }] } });
    }
    const found = await call('/incidents/search', { body: { filter: { query: 'labels.value:"a"', page: 0, size: 10 } } });
    expect(found.json.total).toBe(2);
    expect(found.json.data.map((i: { id: string }) => i.id)).toEqual(['1', '3']);
    const secondPage = await call('/xsoar/public/v1/incidents/search', { headers: KEY8, body: { filter: { query: '', page: 1, size: 2 } } });
    expect(secondPage.json).toMatchObject({ total: 3, data: [{ id: '3' }] });
    expect((await call('/incidents/search', { body: { filter: { query: 'labels.value:a' } } })).json).toEqual({ data: [], total: 2 });
    const unsupported = await call('/incidents/search', { body: { filter: { query: 'rawJSON:x', size: 1 } } });
    expect(unsupported.status).toBe(400);
    expect((await call('/incidents/search', { body: { query: 'x' } })).status).toBe(400);
  });

  it('appends each incident to the JSONL store and finds them again after a restart', async () => {
    const store = join(dir, 'restart.jsonl');
    sim = await startXsoarSimulator({ store });
    await call('/incident', { body: incidentBody });
    await call('/incident', { body: { ...incidentBody, name: 'second' } });
    const lines = readFileSync(store, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual(sim.incidents());
    await sim.stop();

    sim = await startXsoarSimulator({ store });
    expect(sim.incidents().map((i) => i.id)).toEqual(['1', '2']);
    const search = await call('/incidents/search', { body: { filter: { query: 'labels.value:"ssh:abc"', size: 5 } } });
    expect(search.json.total).toBe(2);
    expect((await call('/incident', { body: incidentBody })).json.id).toBe('3');
  });

  it('answers 500 and keeps nothing when a create cannot be stored, so a retry creates it once', async () => {
    const { mkdirSync, unlinkSync } = await import('node:fs');
    const store = join(dir, 'vanishing.jsonl');
    sim = await startXsoarSimulator({ store });
    // The store file becomes something no append can write to.
    unlinkSync(store);
    mkdirSync(store);
    expect((await call('/incident', { body: incidentBody })).status).toBe(500);
    expect(sim.incidents()).toEqual([]);
    rmSync(store, { recursive: true });
    expect((await call('/incident', { body: incidentBody })).status).toBe(200);
    expect(sim.incidents()).toHaveLength(1);
  });

  it('refuses to start on a store file holding something else', async () => {
    const store = join(dir, 'broken.jsonl');
    writeFileSync(store, '{"id":"1","body":{},"flavour":"xsoar6","auth":"standard"}\nnot json\n');
    await expect(startXsoarSimulator({ store })).rejects.toThrow(/broken\.jsonl:2: not a stored incident line/);
  });

  it('fails the next N create calls with the injected status, then recovers', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ fail: { count: 2, status: 503 } });
    expect((await call('/about', { method: 'GET' })).status).toBe(200); // not a create call
    expect((await call('/incident', { body: incidentBody })).status).toBe(503);
    const custom = { status: 500, body: { oops: true } };
    sim.inject({ fail: { count: 1, ...custom } });
    const failed = await call('/incident', { body: incidentBody });
    expect([failed.status, failed.json]).toEqual([500, { oops: true }]);
    expect((await call('/incident', { body: incidentBody })).status).toBe(200);
    expect(sim.incidents()).toHaveLength(1);
    expect(sim.requests().map((r) => r.status)).toEqual([200, 503, 500, 200]);
  });

  it('answers 429 with Retry-After for the next N creates', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await call('/incident', { body: incidentBody });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call('/incident', { body: incidentBody })).status).toBe(200);
  });

  it('delays every answer by the injected latency until faults are cleared', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ latencyMs: 300 });
    const slow = fetch(sim.url + '/about', { headers: KEY, signal: AbortSignal.timeout(100) });
    await expect(slow).rejects.toThrow();
    sim.clearFaults();
    expect((await call('/about', { method: 'GET' })).status).toBe(200);
  });

  it('resets the connection for the next N requests', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ reset: { count: 1 } });
    await expect(call('/incident', { body: incidentBody })).rejects.toThrow(/fetch failed/);
    expect((await call('/incident', { body: incidentBody })).status).toBe(200);
    expect(sim.incidents()).toHaveLength(1);
    expect(sim.requests().map((r) => r.status)).toEqual([0, 200]);
  });

  it('hangs the next request without answering, and stop closes the hung socket', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ hang: { count: 1 } });
    const hung = fetch(sim.url + '/incident', { method: 'POST', headers: KEY, body: JSON.stringify(incidentBody) });
    const outcome = hung.then(
      () => 'answered',
      () => 'closed',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sim.requests()).toHaveLength(1);
    expect(sim.incidents()).toEqual([]);
    await sim.stop();
    expect(await outcome).toBe('closed');
  });

  it('creates the incident and then spoils the reply: a proxy status, a reset, half a reply', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ afterCommit: { count: 1, spoil: 'status', status: 502 } });
    expect((await call('/incident', { body: incidentBody })).status).toBe(502);
    sim.inject({ afterCommit: { count: 1, spoil: 'reset' } });
    await expect(call('/incident', { body: incidentBody })).rejects.toThrow(/fetch failed/);
    sim.inject({ afterCommit: { count: 1, spoil: 'truncate' } });
    const cut = await fetch(sim.url + '/incident', { method: 'POST', headers: KEY, body: JSON.stringify(incidentBody) });
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    expect(sim.incidents().map((i) => i.id)).toEqual(['1', '2', '3']);
    expect(sim.faultCounts()).toEqual({ 'commit-then-status': 1, 'commit-then-reset': 1, 'commit-then-truncate': 1 });
    expect((await call('/incident', { body: incidentBody })).status).toBe(200);
  });

  it('resets before reading the request: nothing is created', async () => {
    sim = await startXsoarSimulator();
    sim.inject({ resetBeforeRead: { count: 1 } });
    await expect(call('/incident', { body: incidentBody })).rejects.toThrow(/fetch failed/);
    expect(sim.incidents()).toEqual([]);
    expect(sim.faultCounts()).toEqual({ 'reset-before-read': 1 });
  });

  it('draws the same random faults from the same seed', async () => {
    const outcomes = async (): Promise<string[]> => {
      sim = await startXsoarSimulator();
      sim.inject({ random: { seed: 42, probability: 0.5, delayMs: 50, retryAfterSeconds: 0 } });
      const seen: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await fetch(sim.url + '/incident', { method: 'POST', headers: KEY, body: JSON.stringify(incidentBody), signal: AbortSignal.timeout(300) })
          .then(async (res) => `${res.status}:${(await res.text().catch(() => 'cut')).length > 0 ? 'body' : 'empty'}`, () => 'failed');
        seen.push(r);
      }
      await sim.stop();
      return seen;
    };
    const first = await outcomes();
    const second = await outcomes();
    expect(first).toEqual(second);
    expect(new Set(first).size).toBeGreaterThan(2);
  });

  it('serves HTTPS with the given key and certificate', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    sim = await startXsoarSimulator({ tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } });
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpsRequest(`${sim!.url}/about`, { headers: KEY, ca: readFileSync(cert) }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(200);
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentBody } from '../../src/incident/incident-body.js';
import { resolveRuntimeConfig, type RuntimeConfig } from '../../src/runtime/runtime-config.js';
import { createXsoarClient, SearchFailed, XSOAR8_PREFIX, type XsoarClient } from '../../src/runtime/xsoar-client.js';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';
import { tempDir } from './temp-dir.js';

const KEY = 'client-test-key';
const body: IncidentBody = {
  name: 'n', type: 'T', severity: 1, details: '', labels: [{ type: 'alertsmith.dedup_key', value: 'k1' }], rawJSON: '{}',
};
const config = (env: Record<string, string>): RuntimeConfig => resolveRuntimeConfig({}, env, {}, '/nonexistent-home');

let sim: XsoarSimulator;
let client: XsoarClient | undefined;
beforeEach(async () => {
  sim = await startXsoarSimulator({ apiKey: KEY, apiKeyId: '7' });
});
afterEach(async () => {
  client?.close();
  client = undefined;
  await sim.stop();
});

describe('createXsoarClient', () => {
  it('refuses a missing URL, key or key id, and a URL, CA file or proxy it cannot use, each with its code and what to set', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ DEMISTO_API_KEY: KEY }, 'ALERTSMITH_NO_URL', 'no XSOAR URL: set DEMISTO_BASE_URL or "url" in the --config file'],
      [{ DEMISTO_BASE_URL: sim.url }, 'ALERTSMITH_NO_KEY', 'no API key: set DEMISTO_API_KEY or "apiKey" in the --config file (never a flag)'],
      [{ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY, ALERTSMITH_XSOAR_AUTH: 'advanced' }, 'ALERTSMITH_NO_KEY_ID', 'an advanced key needs its id: set DEMISTO_API_KEY_ID'],
      [{ DEMISTO_BASE_URL: 'ftp://host', DEMISTO_API_KEY: KEY }, 'ALERTSMITH_BAD_URL', 'DEMISTO_BASE_URL is not an http(s) URL: "ftp://host"'],
      [{ DEMISTO_BASE_URL: 'not a url', DEMISTO_API_KEY: KEY }, 'ALERTSMITH_BAD_URL', 'DEMISTO_BASE_URL is not an http(s) URL: "not a url"'],
      [{ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY, SSL_CERT_FILE: '/nonexistent/ca.pem' }, 'ALERTSMITH_BAD_CA', 'cannot read the CA bundle /nonexistent/ca.pem (SSL_CERT_FILE)'],
      [{ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY, HTTPS_PROXY: 'not a url' }, 'ALERTSMITH_BAD_PROXY', 'the proxy setting (HTTPS_PROXY) is not a URL'],
    ];
    for (const [env, code, message] of cases) await expect(createXsoarClient(config(env)), code).rejects.toMatchObject({ code, message });
    // An https URL is accepted (nothing is sent until a request).
    (await createXsoarClient(config({ DEMISTO_BASE_URL: 'https://xsoar.example:8443', DEMISTO_API_KEY: KEY }))).close();
    // A host in NO_PROXY never reads the proxy setting.
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY, HTTPS_PROXY: 'not a url', NO_PROXY: '127.0.0.1' }));
  });

  it('creates on XSOAR 6 paths with the key in Authorization, reads the id, and finds the incident by its key', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY }));
    expect(await client.findByKey('k1', 10_000)).toBeNull();
    const reply = await client.create(body, 10_000);
    expect(reply.status).toBe(200);
    expect(reply.incidentId).toBe(sim.incidents()[0]!.id);
    expect(await client.findByKey('k1', 10_000)).toBe(reply.incidentId);
    expect((await client.about(10_000)).status).toBe(200);
    const requests = sim.requests();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /incidents/search', 'POST /incident', 'POST /incidents/search', 'GET /about']);
    expect(requests.every((r) => r.headers.authorization === KEY && r.headers['x-xdr-auth-id'] === undefined)).toBe(true);
    expect(requests.every((r) => r.headers.accept === 'application/json')).toBe(true);
    expect(JSON.parse(requests[0]!.body)).toEqual({ filter: { query: 'labels.type:"alertsmith.dedup_key" and labels.value:"k1"', page: 0, size: 1 } });
    expect(JSON.parse(requests[1]!.body)).toEqual(body);
  });

  it('uses XSOAR 8 paths once, and x-xdr-auth-id, when a key id is set', async () => {
    for (const url of [sim.url, `${sim.url}${XSOAR8_PREFIX}`]) {
      const c = await createXsoarClient(config({ DEMISTO_BASE_URL: `${url}//`, DEMISTO_API_KEY: KEY, DEMISTO_API_KEY_ID: '7' }));
      try {
        expect((await c.create(body, 10_000)).status).toBe(200);
      } finally {
        c.close();
      }
    }
    expect(sim.requests().map((r) => [r.path, r.headers['x-xdr-auth-id'], r.headers.authorization])).toEqual([
      [`${XSOAR8_PREFIX}/incident`, '7', KEY],
      [`${XSOAR8_PREFIX}/incident`, '7', KEY],
    ]);
  });

  it('signs each request with an advanced key: a 64-character nonce, a whole-second timestamp and sha256(key + nonce + timestamp)', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY, DEMISTO_API_KEY_ID: '7', ALERTSMITH_XSOAR_AUTH: 'advanced' }));
    const before = Date.now();
    expect((await client.create(body, 10_000)).status).toBe(200);
    await client.about(10_000);
    const after = Date.now();
    const [a, b] = sim.requests().map((r) => r.headers as Record<string, string>);
    for (const h of [a!, b!]) {
      expect(h['x-xdr-nonce']).toMatch(/^[A-Za-z0-9]{64}$/);
      // The current second in milliseconds: between the clock read before and after the requests.
      const stamp = Number(h['x-xdr-timestamp']);
      expect(stamp % 1000).toBe(0);
      expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(stamp).toBeLessThanOrEqual(after);
      expect(h.authorization).toBe(createHash('sha256').update(KEY + h['x-xdr-nonce'] + h['x-xdr-timestamp']).digest('hex'));
      expect(h['x-xdr-auth-id']).toBe('7');
    }
    expect(a!['x-xdr-nonce']).not.toBe(b!['x-xdr-nonce']);
  });

  it('reports a refused search as SearchFailed with its status, and a refused create without an id', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: 'wrong' }));
    const search = await client.findByKey('k1', 10_000).catch((e: unknown) => e);
    expect(search).toBeInstanceOf(SearchFailed);
    expect(search).toMatchObject({ status: 403, message: 'search answered 403' });
    const reply = await client.create(body, 10_000);
    expect([reply.status, reply.incidentId]).toEqual([403, null]);
  });
});

describe('createXsoarClient reading replies and listing content', () => {
  it('reads the incident id from a create or search reply too large to keep as text', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY }));
    const big = { ...body, labels: [{ type: 'alertsmith.dedup_key', value: 'big' }], rawJSON: JSON.stringify({ pad: 'x'.repeat(400_000) }) };
    const reply = await client.create(big, 10_000);
    expect(reply.truncated).toBe(true);
    expect(reply.incidentId).toBe(sim.incidents()[0]!.id);
    expect(await client.findByKey('big', 10_000)).toBe(reply.incidentId);
  });

  it('lists incident fields on the API path and incident types where each XSOAR version serves them', async () => {
    const paths: string[] = [];
    const envs: Record<string, string>[] = [
      { DEMISTO_BASE_URL: `${sim.url}/`, DEMISTO_API_KEY: KEY },
      { DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY, DEMISTO_API_KEY_ID: '7' },
      { DEMISTO_BASE_URL: `${sim.url}${XSOAR8_PREFIX}`, DEMISTO_API_KEY: KEY },
    ];
    for (const env of envs) {
      const c = await createXsoarClient(config(env));
      try {
        // The last has no key id, which XSOAR 8 refuses (403): only the paths asked for matter here.
        for (const what of ['incidentFields', 'incidentTypes'] as const) await c.listContent(what, 10_000);
      } finally {
        c.close();
      }
    }
    for (const r of sim.requests()) paths.push(`${r.method} ${r.path}`);
    expect(paths).toEqual([
      'GET /incidentfields', 'GET /incidenttype',
      `GET ${XSOAR8_PREFIX}/incidentfields`, 'GET /xsoar/incidenttype',
      `GET ${XSOAR8_PREFIX}/incidentfields`, 'GET /xsoar/incidenttype',
    ]);
  });
});

describe('createXsoarClient paths, headers and replies', () => {
  it('keeps a base path that ends in the XSOAR 8 prefix as it is, and finds the web-app path below it', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: `${sim.url}/tenant${XSOAR8_PREFIX}`, DEMISTO_API_KEY: KEY, DEMISTO_API_KEY_ID: '7' }));
    await client.create(body, 10_000);
    await client.listContent('incidentTypes', 10_000);
    expect(sim.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /tenant${XSOAR8_PREFIX}/incident`, 'GET /tenant/xsoar/incidenttype']);
  });

  it('sends JSON with a JSON content type', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY }));
    await client.create(body, 10_000);
    expect(sim.requests()[0]!.headers['content-type']).toBe('application/json');
  });

  it('reads no incident id from a reply that is not a 2xx, even one whose body has an id', async () => {
    client = await createXsoarClient(config({ DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: KEY }));
    for (const status of [300, 400, 503]) {
      sim.inject({ fail: { count: 1, status, body: { id: 'not-an-incident', status, title: 'refused' } } });
      const reply = await client.create(body, 10_000);
      expect([reply.status, reply.incidentId]).toEqual([status, null]);
    }
  });
});

describe('createXsoarClient over HTTPS', () => {
  it('trusts the CA bundle it is given, and only then', async () => {
    const dir = await tempDir('alertsmith-client-tls-');
    const key = join(dir.path, 'key.pem');
    const cert = join(dir.path, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const tls = await startXsoarSimulator({ apiKey: KEY, tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } });
    try {
      const trusting = await createXsoarClient(config({ DEMISTO_BASE_URL: tls.url, DEMISTO_API_KEY: KEY, SSL_CERT_FILE: cert }));
      try {
        expect((await trusting.about(10_000)).status).toBe(200);
      } finally {
        trusting.close();
      }
      const doubting = await createXsoarClient(config({ DEMISTO_BASE_URL: tls.url, DEMISTO_API_KEY: KEY }));
      try {
        await expect(doubting.about(10_000)).rejects.toThrow();
      } finally {
        doubting.close();
      }
    } finally {
      await tls.stop();
      await dir.remove();
    }
  });
});

describe('createXsoarClient reading replies XSOAR may give', () => {
  /** Runs `use` with a client of a loopback server that answers each request with the next canned reply. */
  async function withCannedReplies(
    replies: { status: number; body: string; headers?: Record<string, string> }[],
    use: (c: XsoarClient) => Promise<void>,
  ): Promise<void> {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const reply = replies.shift() ?? { status: 500, body: '{}' };
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const c = await createXsoarClient(config({ DEMISTO_BASE_URL: `http://127.0.0.1:${port}`, DEMISTO_API_KEY: KEY }));
    try {
      await use(c);
    } finally {
      c.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it('reads a numeric incident id as text, and no id from a 2xx whose body is not JSON', async () => {
    await withCannedReplies([{ status: 201, body: '{"id": 42}' }, { status: 200, body: 'created' }], async (c) => {
      expect((await c.create(body, 10_000)).incidentId).toBe('42');
      const plain = await c.create(body, 10_000);
      expect([plain.status, plain.incidentId]).toEqual([200, null]);
    });
  });

  it('finds no incident in a search reply whose data is null or missing, and reads a numeric id', async () => {
    const replies = ['{"data": null, "total": 0}', '{"total": 0}', '{"data": [{"id": 7}], "total": 1}'].map((b) => ({ status: 200, body: b }));
    await withCannedReplies(replies, async (c) => {
      expect(await c.findByKey('k1', 10_000)).toBeNull();
      expect(await c.findByKey('k1', 10_000)).toBeNull();
      expect(await c.findByKey('k1', 10_000)).toBe('7');
    });
  });

  it('reads a numeric id from a search reply too large to keep, and refuses one whose first incident has no readable id', async () => {
    const pad = 'x'.repeat(400_000);
    const replies = [{ data: [{ id: 7, name: pad }], total: 1 }, { data: [{ name: pad }], total: 1 }].map((r) => ({ status: 200, body: JSON.stringify(r) }));
    await withCannedReplies(replies, async (c) => {
      expect(await c.findByKey('k1', 10_000)).toBe('7');
      await expect(c.findByKey('k1', 10_000)).rejects.toThrow('search reply without a readable incident id');
    });
  });

  it('passes the Retry-After of a refused search on', async () => {
    await withCannedReplies([{ status: 503, body: '{}', headers: { 'retry-after': '7' } }], async (c) => {
      await expect(c.findByKey('k1', 10_000)).rejects.toMatchObject({ status: 503, retryAfter: '7' });
    });
  });
});

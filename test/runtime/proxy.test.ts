import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';
import { API_KEY, buildBundle, matchesJson, runBundle, SSH_FLAGS, tempDir, type Bundle } from './runtime-harness.js';

let bundle: Bundle;
let sim: XsoarSimulator;
/** XSOAR on plain HTTP, reached through the proxy with absolute-URI requests. */
let plainSim: XsoarSimulator;
let state: Awaited<ReturnType<typeof tempDir>>;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];
const forwarded: string[] = [];
const PROXY_AUTH = `Basic ${Buffer.from('u:p@ss').toString('base64')}`;
const sockets = new Set<Socket>();

beforeAll(async () => {
  bundle = await buildBundle();
  state = await tempDir('alertsmith-proxy-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(state.path, 'key.pem'), '-out', join(state.path, 'cert.pem'),
    '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  sim = await startXsoarSimulator({ apiKey: API_KEY, tls: { key: await readFile(join(state.path, 'key.pem'), 'utf8'), cert: await readFile(join(state.path, 'cert.pem'), 'utf8') } });
  plainSim = await startXsoarSimulator({ apiKey: API_KEY });
  // A minimal proxy on loopback that wants user "u", password "p@ss": CONNECT tunnels for https,
  // absolute-URI requests forwarded for http.
  proxy = createServer((req, res) => {
    if (req.headers['proxy-authorization'] !== PROXY_AUTH) {
      res.writeHead(407).end();
      return;
    }
    forwarded.push(req.url ?? '');
    const { 'proxy-authorization': _auth, ...headers } = req.headers;
    const upstream = request(req.url ?? '', { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, client: Socket) => {
    sockets.add(client);
    const auth = req.headers['proxy-authorization'];
    if (auth !== PROXY_AUTH) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as { port: number };
  proxyUrl = `http://u:p%40ss@127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await sim.stop();
  await plainSim.stop();
  await state.remove();
  const { rm } = await import('node:fs/promises');
  await rm(bundle.dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string>) => ({
  DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: API_KEY, SSL_CERT_FILE: join(state.path, 'cert.pem'), ALERTSMITH_STATE_DIR: state.path, ...extra,
});

describe('HTTPS_PROXY', () => {
  it('tunnels to XSOAR through the proxy with URL-decoded credentials, and never logs the password', async () => {
    const r = await runBundle(bundle.file, SSH_FLAGS, { input: matchesJson(2), env: env({ HTTPS_PROXY: proxyUrl }) });
    expect(r.exitCode).toBe(0);
    expect(sim.incidents()).toHaveLength(2);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((t) => t === new URL(sim.url).host)).toBe(true);
    expect(r.stderr).not.toContain('p@ss');
  });

  it('says so when the proxy refuses the tunnel, and keeps the incident pending', async () => {
    const wrong = proxyUrl.replace('p%40ss', 'nope');
    const r = await runBundle(bundle.file, SSH_FLAGS, { input: matchesJson(1, 100), env: env({ HTTPS_PROXY: wrong, ALERTSMITH_DEADLINE_MS: '1500' }) });
    expect(r.exitCode).toBe(3);
    expect(r.logs.find((l) => l.event === 'pending')!.reason).toMatch(/proxy refused the tunnel \(407\)/);
  });

  it('sends plain-HTTP requests to the proxy as absolute URLs, with its credentials', async () => {
    const r = await runBundle(bundle.file, SSH_FLAGS, {
      input: matchesJson(2, 300),
      env: { DEMISTO_BASE_URL: plainSim.url, DEMISTO_API_KEY: API_KEY, ALERTSMITH_STATE_DIR: join(state.path, 'plain'), HTTP_PROXY: proxyUrl },
    });
    expect(r.exitCode).toBe(0);
    expect(plainSim.incidents()).toHaveLength(2);
    expect(forwarded.filter((u) => u === `${plainSim.url}/incident`)).toHaveLength(2);
    expect(r.stderr).not.toContain('p@ss');
  });

  it('goes direct for hosts listed in NO_PROXY', async () => {
    const before = tunnels.length;
    const r = await runBundle(bundle.file, SSH_FLAGS, { input: matchesJson(1, 200), env: env({ HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: 'localhost,127.0.0.1' }) });
    expect(r.exitCode).toBe(0);
    expect(tunnels.length).toBe(before);
  });
});

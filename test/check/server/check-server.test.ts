import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertsmithError } from '../../../src/errors.js';
import { askCheckServer } from '../../../src/check/server/check-client.js';
import { serveChecks } from '../../../src/check/server/check-server.js';
import type { ServerRequest } from '../../../src/check/server/check-protocol.js';
import { tempDir } from '../../runtime/temp-dir.js';

type CheckRequest = Extract<ServerRequest, { kind: 'check' }>;
const request = (over: Partial<CheckRequest> = {}): CheckRequest => ({ kind: 'check', stamp: 'build-1', cwd: '/project', paths: [], format: 'json', color: false, env: {}, ...over });

/** A server whose check answers with what it was asked, on a socket in a fresh folder. */
async function server(check: (r: CheckRequest) => Promise<{ exitCode: number; output: string }> = async (r) => ({ exitCode: 0, output: JSON.stringify(r.paths) }), idleMs = 60_000) {
  const dir = await tempDir('alertsmith-server-');
  const socketPath = path.join(dir.path, 's.sock');
  const running = serveChecks({ socketPath, stamp: 'build-1', idleMs, check });
  // Listening once the socket file is there.
  while (!existsSync(socketPath)) await new Promise((r) => setTimeout(r, 5));
  return { socketPath, running };
}

describe('the check server and its client', () => {
  it('answers a check with its report and exit code, one check at a time', async () => {
    let inside = 0;
    let most = 0;
    const { socketPath, running } = await server(async (r) => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
      return { exitCode: r.paths.length, output: r.paths.join(',') };
    });
    const replies = await Promise.all([['a.ts'], ['a.ts', 'b.ts'], []].map((paths) => askCheckServer(socketPath, request({ paths }))));
    expect(replies).toEqual([
      { kind: 'checked', exitCode: 1, output: 'a.ts' },
      { kind: 'checked', exitCode: 2, output: 'a.ts,b.ts' },
      { kind: 'checked', exitCode: 0, output: '' },
    ]);
    expect(most).toBe(1);
    expect(await askCheckServer(socketPath, { kind: 'status' })).toMatchObject({ kind: 'status', pid: process.pid, checks: 3 });
    expect(await askCheckServer(socketPath, { kind: 'stop' })).toEqual({ kind: 'stopping' });
    await running;
    expect(existsSync(socketPath)).toBe(false);
  });

  it('refuses a client of another build and stops, so that the client runs the check itself', async () => {
    const { socketPath, running } = await server();
    expect(await askCheckServer(socketPath, request({ stamp: 'build-2' }))).toEqual({ kind: 'stopping' });
    await running;
    expect(await askCheckServer(socketPath, request())).toBeUndefined();
  });

  it('passes a known error on, and refuses (the client runs it) on any other', async () => {
    const { socketPath } = await server(async (r) => {
      if (r.format === 'xml') throw new AlertsmithError('ALERTSMITH_CHECK_FORMAT', 'unknown format "xml"', 2);
      throw new TypeError('a bug');
    });
    expect(await askCheckServer(socketPath, request({ format: 'xml' }))).toEqual({ kind: 'error', code: 'ALERTSMITH_CHECK_FORMAT', message: 'unknown format "xml"', exitCode: 2 });
    expect(await askCheckServer(socketPath, request())).toEqual({ kind: 'refused', why: 'a bug' });
    await askCheckServer(socketPath, { kind: 'stop' });
  });

  it('stops by itself after its idle time', async () => {
    const { socketPath, running } = await server(undefined, 100);
    expect(await askCheckServer(socketPath, request({ paths: ['x.ts'] }))).toMatchObject({ kind: 'checked' });
    await running;
    expect(existsSync(socketPath)).toBe(false);
  });

  it('takes over a socket file left by a server that died, and not one a live server holds', async () => {
    const dir = await tempDir('alertsmith-server-');
    const socketPath = path.join(dir.path, 's.sock');
    writeFileSync(socketPath, ''); // what a killed server leaves
    const first = serveChecks({ socketPath, stamp: 'build-1', idleMs: 60_000, check: async () => ({ exitCode: 0, output: 'first' }) });
    while ((await askCheckServer(socketPath, request())) === undefined) await new Promise((r) => setTimeout(r, 5));
    await expect(serveChecks({ socketPath, stamp: 'build-1', idleMs: 60_000, check: async () => ({ exitCode: 0, output: 'second' }) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await askCheckServer(socketPath, request())).toEqual({ kind: 'checked', exitCode: 0, output: 'first' });
    await askCheckServer(socketPath, { kind: 'stop' });
    await first;
  });

  it('does not use a socket that other users could write to', async () => {
    const { socketPath } = await server();
    expect(await askCheckServer(socketPath, request())).toMatchObject({ kind: 'checked' });
    chmodSync(socketPath, 0o666);
    expect(await askCheckServer(socketPath, request())).toBeUndefined();
    chmodSync(socketPath, 0o600);
    await askCheckServer(socketPath, { kind: 'stop' });
  });

  it('gives up on a server that accepts but never answers, and on no server at all', async () => {
    const dir = await tempDir('alertsmith-server-');
    const socketPath = path.join(dir.path, 'silent.sock');
    const silent = net.createServer(() => undefined);
    let connections = 0;
    silent.on('connection', () => connections++);
    await new Promise<void>((resolve) => silent.listen(socketPath, resolve));
    chmodSync(socketPath, 0o600);
    expect(await askCheckServer(socketPath, request(), { replyMs: 100 })).toBeUndefined();
    expect(connections).toBe(1);
    silent.close();
    expect(await askCheckServer(path.join(dir.path, 'none.sock'), request())).toBeUndefined();
  });
});

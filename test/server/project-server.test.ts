import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertsmithError } from '../../src/errors.js';
import { askServer } from '../../src/server/server-client.js';
import { serveProject } from '../../src/server/project-server.js';
import type { CommandRequest, OutputChunk } from '../../src/server/server-protocol.js';
import { tempDir } from '../runtime/temp-dir.js';

type Run = (r: CommandRequest, write: (chunk: OutputChunk) => void) => Promise<number>;
const check = (over: Partial<Extract<CommandRequest, { kind: 'check' }>> = {}): CommandRequest =>
  ({ kind: 'check', stamp: 'build-1', cwd: '/project', env: {}, paths: [], format: 'json', color: false, ...over });
const out = (text: string): OutputChunk => ({ to: 'stdout', text });

/** A server on a socket in a fresh folder; by default its command prints the paths it was given. */
async function server(run: Run = async (r, write) => (write(out(JSON.stringify(r.kind === 'check' ? r.paths : []))), 0), idleMs = 60_000) {
  const dir = await tempDir('alertsmith-server-');
  const socketPath = path.join(dir.path, 's.sock');
  const running = serveProject({ socketPath, stamp: 'build-1', idleMs, run });
  // Listening once the socket file is there.
  while (!existsSync(socketPath)) await new Promise((r) => setTimeout(r, 5));
  return { socketPath, running };
}

/** The reply, and the output handed over before it. */
async function asked(socketPath: string, request: CommandRequest) {
  const output: OutputChunk[] = [];
  const reply = await askServer(socketPath, request, {}, (chunk) => output.push(chunk));
  return { reply, output };
}

describe('the project server and its client', () => {
  it('hands the output over as it is written, before the command ends, and waits as long as output comes', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { socketPath } = await server(async (_r, write) => {
      write(out('progress 1/2'));
      await held;
      write(out('progress 2/2'));
      return 0;
    });
    const output: OutputChunk[] = [];
    const reply = askServer(socketPath, check(), { replyMs: 2000 }, (chunk) => {
      output.push(chunk);
      if (output.length === 1) setTimeout(release, 50);
    });
    expect(await reply).toEqual({ kind: 'done', exitCode: 0 });
    expect(output).toEqual([out('progress 1/2'), out('progress 2/2')]);
    await askServer(socketPath, { kind: 'stop' });
  });

  it('answers a command with its output in order and its exit code, one command at a time', async () => {
    let inside = 0;
    let most = 0;
    const { socketPath, running } = await server(async (r, write) => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inside--;
      const paths = r.kind === 'check' ? r.paths : [];
      write(out(paths.join(',')));
      write({ to: 'stderr', text: 'after' });
      return paths.length;
    });
    const replies = await Promise.all([['a.ts'], ['a.ts', 'b.ts'], []].map((paths) => asked(socketPath, check({ paths }))));
    expect(replies).toEqual([
      { reply: { kind: 'done', exitCode: 1 }, output: [out('a.ts'), { to: 'stderr', text: 'after' }] },
      { reply: { kind: 'done', exitCode: 2 }, output: [out('a.ts,b.ts'), { to: 'stderr', text: 'after' }] },
      { reply: { kind: 'done', exitCode: 0 }, output: [out(''), { to: 'stderr', text: 'after' }] },
    ]);
    expect(most).toBe(1);
    expect(await askServer(socketPath, { kind: 'status' })).toMatchObject({ kind: 'status', pid: process.pid, commands: 3 });
    expect(await askServer(socketPath, { kind: 'stop' })).toEqual({ kind: 'stopping' });
    await running;
    expect(existsSync(socketPath)).toBe(false);
  });

  it('does the work left after a reply (writing cache files) before it takes the next command', async () => {
    const dir = await tempDir('alertsmith-server-');
    const socketPath = path.join(dir.path, 's.sock');
    const events: string[] = [];
    const running = serveProject({
      socketPath, stamp: 'build-1', idleMs: 60_000,
      run: async (r) => (events.push(`run ${r.kind === 'check' ? r.paths.join() : ''}`), 0),
      afterReply: () => events.push('after'),
    });
    while (!existsSync(socketPath)) await new Promise((r) => setTimeout(r, 5));
    const first = askServer(socketPath, check({ paths: ['a'] }));
    const second = askServer(socketPath, check({ paths: ['b'] }));
    expect(await Promise.all([first, second])).toEqual([{ kind: 'done', exitCode: 0 }, { kind: 'done', exitCode: 0 }]);
    await askServer(socketPath, { kind: 'stop' });
    await running;
    expect(events.slice(0, 4)).toEqual(['run a', 'after', 'run b', 'after']);
  });

  it('refuses a client of another build and stops, so that the client runs the command itself', async () => {
    const { socketPath, running } = await server();
    expect(await askServer(socketPath, check({ stamp: 'build-2' }))).toEqual({ kind: 'stopping' });
    await running;
    expect(await askServer(socketPath, check())).toBeUndefined();
  });

  it('passes a known error on with the output before it, and refuses (the client runs it) on any other', async () => {
    const { socketPath } = await server(async (r, write) => {
      write(out('before'));
      if (r.kind === 'check' && r.format === 'xml') throw new AlertsmithError('ALERTSMITH_CHECK_FORMAT', 'unknown format "xml"', 2);
      throw new TypeError('a bug');
    });
    expect(await asked(socketPath, check({ format: 'xml' }))).toEqual({ reply: { kind: 'error', code: 'ALERTSMITH_CHECK_FORMAT', message: 'unknown format "xml"', exitCode: 2 }, output: [out('before')] });
    expect(await asked(socketPath, check())).toEqual({ reply: { kind: 'refused', why: 'a bug' }, output: [out('before')] });
    await askServer(socketPath, { kind: 'stop' });
  });

  it('stops by itself after its idle time', async () => {
    const { socketPath, running } = await server(undefined, 100);
    expect(await askServer(socketPath, check({ paths: ['x.ts'] }))).toMatchObject({ kind: 'done' });
    await running;
    expect(existsSync(socketPath)).toBe(false);
  });

  it('takes over a socket file left by a server that died, and not one a live server holds', async () => {
    const dir = await tempDir('alertsmith-server-');
    const socketPath = path.join(dir.path, 's.sock');
    writeFileSync(socketPath, ''); // what a killed server leaves
    const first = serveProject({ socketPath, stamp: 'build-1', idleMs: 60_000, run: async (_r, write) => (write(out('first')), 0) });
    while ((await askServer(socketPath, check())) === undefined) await new Promise((r) => setTimeout(r, 5));
    await expect(serveProject({ socketPath, stamp: 'build-1', idleMs: 60_000, run: async () => 0 })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await asked(socketPath, check())).toEqual({ reply: { kind: 'done', exitCode: 0 }, output: [out('first')] });
    await askServer(socketPath, { kind: 'stop' });
    await first;
  });

  it('does not use a socket that other users could write to', async () => {
    const { socketPath } = await server();
    expect(await askServer(socketPath, check())).toMatchObject({ kind: 'done' });
    chmodSync(socketPath, 0o666);
    expect(await askServer(socketPath, check())).toBeUndefined();
    chmodSync(socketPath, 0o600);
    await askServer(socketPath, { kind: 'stop' });
  });

  it('gives up on a server that accepts but never answers, and on no server at all', async () => {
    const dir = await tempDir('alertsmith-server-');
    const socketPath = path.join(dir.path, 'silent.sock');
    const silent = net.createServer(() => undefined);
    let connections = 0;
    silent.on('connection', () => connections++);
    await new Promise<void>((resolve) => silent.listen(socketPath, resolve));
    chmodSync(socketPath, 0o600);
    expect(await askServer(socketPath, check(), { replyMs: 100 })).toBeUndefined();
    expect(connections).toBe(1);
    silent.close();
    expect(await askServer(path.join(dir.path, 'none.sock'), check())).toBeUndefined();
  });
});

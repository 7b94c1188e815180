import { chmodSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { AlertsmithError, describeThrown } from '../errors.js';
import type { CommandRequest, OutputChunk, ServerLine, ServerReply, ServerRequest } from './server-protocol.js';

export interface ProjectServerOptions {
  socketPath: string;
  /** This server's `serverStamp()`; a request with another is refused. */
  stamp: string;
  /** Stop after this long without a request. */
  idleMs: number;
  /** Stop after this many commands (each imports new modules that a process cannot unload). @default 200 */
  maxCommands?: number;
  /** Work to do before the first request, in the same queue (loading and parsing what checks need). @default none */
  warmUp?: () => Promise<void>;
  /** Runs one command, writing its output through `write`: the exit code, or throws as the command does. */
  run: (request: CommandRequest, write: (chunk: OutputChunk) => void) => Promise<number>;
  /** Work left after a command's reply has been sent, before the next request (writing its cache files). @default none */
  afterReply?: () => void;
}

/**
 * Serves a project's commands on a Unix socket, one at a time, until it has been idle for
 * `idleMs`, has run `maxCommands`, or is asked to stop. A socket file left by a server that died is taken over;
 * one with a live server behind it is not (the promise rejects with EADDRINUSE). Resolves when
 * the server has stopped and removed its socket.
 */
export async function serveProject(options: ProjectServerOptions): Promise<void> {
  const maxCommands = options.maxCommands ?? 200;
  let commands = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  const server = net.createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined); // a client that went away: nothing to answer
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0) return;
      socket.removeAllListeners('data');
      const line = text.slice(0, end);
      // One command at a time: they share the cache files, the kept TypeScript project, process.env.
      queue = queue.then(async () => {
        // The command's output goes to the client as it is written (a build's progress line).
        const reply = await answer(line, (chunk) => void socket.write(`${JSON.stringify({ kind: 'output', chunk } satisfies ServerLine)}\n`));
        socket.end(`${JSON.stringify(reply)}\n`);
        options.afterReply?.();
        if (reply.kind === 'stopping' || commands >= maxCommands) stop();
        else restartIdle();
      });
    });
  });
  const answer = async (line: string, write: (chunk: OutputChunk) => void): Promise<ServerReply> => {
    let request: ServerRequest;
    try {
      request = JSON.parse(line) as ServerRequest;
    } catch {
      return { kind: 'refused', why: 'not a request' };
    }
    if (request.kind === 'stop') return { kind: 'stopping' };
    if (request.kind === 'status') return { kind: 'status', pid: process.pid, stamp: options.stamp, commands };
    if (request.kind !== 'check' && request.kind !== 'build') return { kind: 'refused', why: 'not a request' };
    if (request.stamp !== options.stamp) return { kind: 'stopping' };
    commands++;
    try {
      return { kind: 'done', exitCode: await options.run(request, write) };
    } catch (thrown) {
      if (thrown instanceof AlertsmithError) return { kind: 'error', code: thrown.code, message: thrown.message, exitCode: thrown.exitCode };
      // The client runs the command itself, and reports the failure as a bug with its stack.
      return { kind: 'refused', why: describeThrown(thrown) };
    }
  };
  const restartIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(stop, options.idleMs);
  };
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (idle) clearTimeout(idle);
    server.close(() => {
      removeSocket(options.socketPath);
      stopped();
    });
  };
  await listen(server, options.socketPath);
  // Only this user may connect (and clients refuse a socket others could write to).
  chmodSync(options.socketPath, 0o600);
  if (options.warmUp) queue = queue.then(options.warmUp).catch(() => undefined);
  restartIdle();
  return done;
}

async function listen(server: net.Server, socketPath: string): Promise<void> {
  const once = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await once();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || (await answersConnections(socketPath))) throw error;
    removeSocket(socketPath);
    await once();
  }
}

/** Whether a server listens behind a socket file (else the file was left by one that died). */
function answersConnections(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createConnection(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function removeSocket(socketPath: string): void {
  try {
    unlinkSync(socketPath);
  } catch {
    // already gone
  }
}

import { spawn } from 'node:child_process';
import { lstatSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { FIRST_COMMAND_ENV, parseLine, type FirstCommand, type OutputChunk, type ServerReply, type ServerRequest } from './server-protocol.js';

export interface AskOptions {
  /** How long to wait for the connection: a server that does not accept at once is not used. @default 1000 */
  connectMs?: number;
  /** How long the server may stay silent before the client runs the command itself. @default 300000 (5 minutes) */
  replyMs?: number;
}

/**
 * Sends one request to the server behind `socketPath`, hands each piece of the command's output
 * to `onOutput` as it comes, and answers the reply, or undefined when there is no server, it
 * goes quiet for `replyMs`, or the connection ends without a reply.
 */
export function askServer(socketPath: string, request: ServerRequest, options: AskOptions = {}, onOutput: (chunk: OutputChunk) => void = () => undefined): Promise<ServerReply | undefined> {
  // Only a server of this user: anyone may make a file in the temp folder, and a reply is trusted.
  if (!ownSocket(socketPath)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath);
    let text = '';
    let settled = false;
    const settle = (reply: ServerReply | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    };
    let timer = setTimeout(() => settle(undefined), options.connectMs ?? 1000);
    const waitForReply = () => {
      clearTimeout(timer);
      timer = setTimeout(() => settle(undefined), options.replyMs ?? 300_000);
    };
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      waitForReply();
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      text += chunk;
      waitForReply();
      for (let end = text.indexOf('\n'); end >= 0 && !settled; end = text.indexOf('\n')) {
        const line = parseLine(text.slice(0, end));
        text = text.slice(end + 1);
        if (line?.kind === 'output') onOutput(line.chunk);
        else settle(line);
      }
    });
    socket.once('error', () => settle(undefined));
    socket.once('close', () => settle(undefined));
  });
}

/** Whether the path is a socket that this user owns and no one else may write to. */
function ownSocket(socketPath: string): boolean {
  try {
    const stat = lstatSync(socketPath);
    const uid = typeof process.getuid === 'function' ? process.getuid() : stat.uid;
    return stat.isSocket() && stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The server's entry module, beside this one (dist/ or, in the tests, src/). */
const SERVER_MAIN = fileURLToPath(new URL(`./server-main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * Starts the server of a project folder in its own process, detached: it outlives this command
 * and stops by itself when idle. Answers at once; the next `check` or `build` finds it. `first`
 * is the command this process just ran: the server warms up by running it again, answered by the
 * cache this one filled (a build as `build --check`, which writes no rule file).
 */
export function startServer(cwd: string, socketPath: string, idleMs: number, first: FirstCommand): void {
  // Not this process's Node flags: an --inspect or --cpu-prof of one command must not outlive it.
  const child = spawn(process.execPath, [SERVER_MAIN, socketPath, String(idleMs)], {
    cwd,
    detached: true,
    stdio: 'ignore',
    // Not in argv, which any user may read.
    env: { ...process.env, [FIRST_COMMAND_ENV]: JSON.stringify(first) },
  });
  child.on('error', () => undefined); // no server: the next command runs in its own process again
  child.unref();
}

import { AlertsmithError } from '../errors.js';
import { askServer, startServer } from './server-client.js';
import type { CommandRequest, FirstCommand, OutputChunk } from './server-protocol.js';
import { serverIdleMs, serverSocketPath, serverStamp, serverWanted } from './server-address.js';

/**
 * Runs `check` or `build` through the project's server when one is up and wanted (see
 * `serverWanted`), printing its output as the command prints it; with no server up, runs it in
 * this process with `here`, then starts a server for the next command. The output and exit code
 * are the same either way, and a known error is thrown as the command throws it.
 */
export async function runServed(cwd: string, command: FirstCommand, here: () => Promise<number>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!serverWanted(env)) return here();
  const socketPath = serverSocketPath(cwd);
  const request = { ...command, stamp: serverStamp(), cwd, env: definedValues(env) } as CommandRequest;
  let printed = false;
  const reply = await askServer(socketPath, request, {}, (chunk) => {
    printed = true;
    print(chunk);
  });
  if (reply?.kind === 'done') return reply.exitCode;
  if (reply?.kind === 'error') throw new AlertsmithError(reply.code, reply.message, reply.exitCode);
  // The server failed partway (a bug, or it went away): the command runs here, from the start.
  if (printed) process.stderr.write('\nalertsmith: the project server did not finish; running the command here\n');
  const exitCode = await here();
  // No server, or one of another alertsmith build that is stopping: start one for the next command.
  if (reply === undefined || reply.kind === 'stopping') startServer(cwd, socketPath, serverIdleMs(env), command);
  return exitCode;
}

function print(chunk: OutputChunk): void {
  (chunk.to === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
}

function definedValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

import { AlertsmithError } from '../errors.js';
import { askCheckServer, startCheckServer } from './server/check-client.js';
import { checkServerWanted, serverIdleMs, serverSocketPath, serverStamp } from './server/server-address.js';
import type { WarmProject } from './warm-project.js';

export interface CheckCommandOptions {
  cwd: string;
  paths: string[];
  format: string;
  config?: string | undefined;
  /** False for `--no-cache`: no cache, no server. */
  cache: boolean;
  watch: boolean;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
}

/**
 * `alertsmith check` from the command line. Unless turned off (see `checkServerWanted`), a check
 * goes to the project's check server, a process that keeps TypeScript loaded and the parsed
 * declarations from the last check; with no server up, the check runs in this process and then
 * starts one for the next. The report and exit code are the same either way. `--watch` runs in
 * this process, which then keeps the same state itself.
 */
export async function runCheckCommand(options: CheckCommandOptions): Promise<number> {
  const { cwd, paths, format, config, cache } = options;
  const env = options.env ?? process.env;
  const color = process.stdout.isTTY === true;
  const inProcess = async (warm?: WarmProject) =>
    (await import('./run-check.js')).runCheck({ cwd, paths, format, config, cache, env, ...(warm ? { warm } : {}) });
  if (options.watch) {
    const warm = new (await import('./warm-project.js')).WarmProject();
    const { watchUntilInterrupted } = await import('../commands/watch/watch-runs.js');
    return watchUntilInterrupted(cwd, () => inProcess(warm));
  }
  if (!cache || !checkServerWanted(env)) return inProcess();

  const socketPath = serverSocketPath(cwd);
  const stamp = serverStamp();
  const reply = await askCheckServer(socketPath, { kind: 'check', stamp, cwd, paths, format, ...(config !== undefined ? { config } : {}), color, env: definedValues(env) });
  if (reply?.kind === 'checked') {
    process.stdout.write(reply.output);
    return reply.exitCode;
  }
  if (reply?.kind === 'error') throw new AlertsmithError(reply.code, reply.message, reply.exitCode);
  const here = await inProcess();
  // No server, or one of another alertsmith build that is stopping: start one for the next check.
  if (reply === undefined || reply.kind === 'stopping') startCheckServer(cwd, socketPath, serverIdleMs(env));
  return here;
}

function definedValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

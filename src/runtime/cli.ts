import { OutputClosed, type TextSink } from './fd-io.js';
import { nodeUtil } from './builtins.js';
import { MAPPING_PARSE_OPTIONS, type ParsedMappingValues } from '../incident/command-flags.js';
import { readConfigFile } from './config-file.js';
import { RUNTIME_EXIT } from './exit-codes.js';
import { createLog, type Log } from './log.js';
import { resolveRuntimeConfig, type RuntimeConfig } from './runtime-config.js';
import { USAGE } from './usage.js';
import { isFileSystemError, statePaths } from './state-dir.js';
import { UNSAVED_INPUT_EVENT, UNSAVED_INPUT_NOTE } from './unsaved-input.js';
import { FIRE_GRACE_MS, WATCHDOG_PHASE, type Watchdog } from './watchdog.js';
import { AlertsmithError } from '../errors.js';

declare const __ALERTSMITH_VERSION__: string | undefined;

export interface RuntimeIo {
  argv: string[];
  /** File descriptor the matches are read from. */
  stdinFd: number;
  stdout: TextSink;
  stderr: TextSink;
  env: Record<string, string | undefined>;
  home?: string;
}

const COMMON_OPTIONS = {
  config: { type: 'string' },
  'state-dir': { type: 'string' },
  'deadline-ms': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'older-than': { type: 'string' },
  'rejected-older-than': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // -v as in `alertsmith -v`: one spelling for both programs.
  version: { type: 'boolean', short: 'v' },
} as const;

const SUBCOMMANDS = ['replay', 'status', 'test-connection', 'prune'] as const;

/** Runs `alertsmith-incident` and answers its exit code; only main.ts touches the process. */
export async function runIncidentCli(io: RuntimeIo): Promise<number> {
  const log = createLog((line) => io.stderr.write(line));
  try {
    return await dispatch(io, log);
  } catch (error) {
    // The reader of stdout has all it wanted (`--dry-run | head`): nothing is wrong.
    if (error instanceof OutputClosed) return RUNTIME_EXIT.delivered;
    if (error instanceof AlertsmithError) {
      log.write('error', 'error', { code: error.code, message: error.message });
      return error.exitCode;
    }
    // A state folder that fails mid-run (full disk, read-only or failing mount) is the host's to fix, not a bug.
    if (isFileSystemError(error)) {
      const message = `cannot use ${error.path ?? 'the state folder'} (${error.code}, ${error.syscall}): free space, fix the permissions or the mount of the state folder; what was kept stays pending for alertsmith-incident replay`;
      log.write('error', 'error', { code: 'ALERTSMITH_STATE_DIR', message });
      return RUNTIME_EXIT.usage;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.write('error', 'internal-error', { message: 'a bug in alertsmith-incident; please report it with this line', detail: text });
    return RUNTIME_EXIT.internal;
  }
}

async function dispatch(io: RuntimeIo, log: Log): Promise<number> {
  let parsed;
  try {
    parsed = nodeUtil.parseArgs({ args: io.argv, options: { ...MAPPING_PARSE_OPTIONS, ...COMMON_OPTIONS }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AlertsmithError('ALERTSMITH_USAGE', `${(error as Error).message} (run alertsmith-incident --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout.write(USAGE);
    return RUNTIME_EXIT.delivered;
  }
  if (values.version === true) {
    io.stdout.write(`${typeof __ALERTSMITH_VERSION__ === 'string' ? __ALERTSMITH_VERSION__ : 'development'}\n`);
    return RUNTIME_EXIT.delivered;
  }
  const command = positionals[0];
  if (positionals.length > 1 || (command !== undefined && !(SUBCOMMANDS as readonly string[]).includes(command))) {
    throw new AlertsmithError('ALERTSMITH_USAGE', `unknown command "${positionals.join(' ')}": use replay, status, test-connection, prune or none (run alertsmith-incident --help)`);
  }
  if ((values['older-than'] !== undefined || values['rejected-older-than'] !== undefined) && command !== 'prune') {
    throw new AlertsmithError('ALERTSMITH_USAGE', '--older-than and --rejected-older-than belong to prune (run alertsmith-incident --help)');
  }
  const config = await loadConfig(values, io);
  log.addSecret(config.apiKey);
  if (config.proxy !== undefined) {
    try {
      log.addSecret(decodeURIComponent(new URL(config.proxy).password));
      log.addSecret(new URL(config.proxy).password);
    } catch {
      // not a URL: reported when a request is made
    }
  }
  const dryRun = values['dry-run'] === true;
  const watchdog = command === 'replay' || (command === undefined && !dryRun) ? await armWatchdog(command ?? 'send', config, log) : undefined;
  try {
    return await runCommand(command, values, dryRun, config, io, log, watchdog);
  } finally {
    watchdog?.phase(WATCHDOG_PHASE.done);
  }
}

async function runCommand(
  command: string | undefined,
  values: Record<string, unknown>,
  dryRun: boolean,
  config: RuntimeConfig,
  io: RuntimeIo,
  log: Log,
  watchdog: Watchdog | undefined,
): Promise<number> {
  switch (command) {
    case 'replay': {
      const { runReplay } = await import('./commands/replay.js');
      return runReplay(config, log, watchdog);
    }
    case 'status': {
      const { runStatus } = await import('./commands/status.js');
      return runStatus(config, io.stdout);
    }
    case 'prune': {
      const { runPrune } = await import('./commands/prune.js');
      return runPrune(config, { olderThan: values['older-than'] as string | undefined, rejectedOlderThan: values['rejected-older-than'] as string | undefined }, log, io.stdout);
    }
    case 'test-connection': {
      const { runTestConnection } = await import('./commands/test-connection.js');
      return runTestConnection(config, log, io.stdout);
    }
    default: {
      const { runSend } = await import('./commands/send.js');
      return runSend({ values: values as ParsedMappingValues, dryRun, config, log, stdinFd: io.stdinFd, stdout: io.stdout, ...(watchdog !== undefined ? { watchdog } : {}) });
    }
  }
}

/**
 * Starts the watchdog (watchdog.ts) for the commands that touch the state folder and may be run
 * by ElastAlert or cron: it ends the process at the deadline whatever a platform call does.
 */
async function armWatchdog(command: 'send' | 'replay', config: RuntimeConfig, log: Log): Promise<Watchdog> {
  const { startWatchdog } = await import('./watchdog.js');
  const line = (event: string, fields: Record<string, unknown>): string => log.redact(JSON.stringify({ level: 'error', event, ...fields }));
  const { pending } = statePaths(config.stateDir);
  const stuck = `the state folder ${config.stateDir} did not answer within the deadline (${config.deadlineMs} ms), so the process was stopped: set ALERTSMITH_STATE_DIR to a local folder this user can write (not under /proc, not on a hung network mount)`;
  return startWatchdog({
    fireAt: Date.now() + config.deadlineMs + FIRE_GRACE_MS,
    stuckLine: line('watchdog', { code: 'ALERTSMITH_STATE_DIR', message: command === 'send' ? `${stuck}; the input follows in an unsaved-input line, and ElastAlert retries the alert` : stuck }),
    lateLine: line('watchdog', {
      code: 'ALERTSMITH_DEADLINE',
      message: command === 'send'
        ? `still running at the deadline (${config.deadlineMs} ms), so the process was stopped: the input is kept in ${pending}; alertsmith-incident replay (or ElastAlert retrying the alert) delivers it`
        : `replay was still running at the deadline (${config.deadlineMs} ms), so the process was stopped: what it did not deliver stays pending for the next replay`,
    }),
    inputLine: line(UNSAVED_INPUT_EVENT, { note: UNSAVED_INPUT_NOTE, stdin: '%INPUT%' }),
    maxInputBytes: command === 'send' ? config.maxInputBytes : 0,
  });
}

async function loadConfig(values: { config?: string; 'state-dir'?: string; 'deadline-ms'?: string }, io: RuntimeIo): Promise<RuntimeConfig> {
  const file = values.config !== undefined ? readConfigFile(values.config) : {};
  const flags: { stateDir?: string; deadlineMs?: string } = {};
  if (values['state-dir'] !== undefined) flags.stateDir = values['state-dir'];
  if (values['deadline-ms'] !== undefined) flags.deadlineMs = values['deadline-ms'];
  return resolveRuntimeConfig(flags, io.env, file, io.home ?? process.env.HOME ?? (await import('node:os')).homedir());
}

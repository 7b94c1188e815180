// A project's server: `node server-main.js <socket> <idle ms>`, started detached by `alertsmith
// check` or `build` (served-command.ts) in the project folder. It keeps alertsmith, TypeScript and
// esbuild loaded and compiled and, per project folder, the parsed declarations (WarmProject), so
// that the next command only reads, checks and compiles what changed. It runs one command at a
// time, in the client's environment, writes nothing to a terminal, and stops when idle or asked.
import { unlinkSync } from 'node:fs';
import type { WarmProject } from '../check/warm-project.js';
import { serveProject } from './project-server.js';
import { FIRST_COMMAND_ENV, type CommandRequest, type FirstCommand, type OutputChunk } from './server-protocol.js';
import { serverStamp } from './server-address.js';
import { deferCacheWrites } from '../cache/cache-file.js';
import { keepFilesBetweenCommands } from '../cache/kept-files.js';

const [socketPath, idle] = process.argv.slice(2);
if (!socketPath) process.exit(2);

// Stopped by a signal (a user's kill, a logout): the socket goes with it.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    try {
      unlinkSync(socketPath);
    } finally {
      process.exit(0);
    }
  });
}

const first = firstCommand(process.env[FIRST_COMMAND_ENV]);
delete process.env[FIRST_COMMAND_ENV];

keepFilesBetweenCommands();
let writeCacheFiles = (): void => undefined;

const warm = new Map<string, WarmProject>();
async function warmProjectOf(cwd: string): Promise<WarmProject> {
  const { WarmProject } = await import('../check/warm-project.js');
  const project = warm.get(cwd) ?? new WarmProject();
  warm.set(cwd, project);
  return project;
}

try {
  await serveProject({
    socketPath,
    stamp: serverStamp(),
    idleMs: Number(idle) > 0 ? Number(idle) : 600_000,
    // The command that started this server has just filled the cache, which answers it again:
    // a check runs again (it loads everything a check needs and parses the declarations, see
    // checkProject); a build runs as `build --check`, which writes no rule file.
    async warmUp() {
      const cwd = process.cwd();
      if (first?.kind === 'check') {
        const { runCheck } = await import('../check/run-check.js');
        const { paths, format, config } = first;
        await runCheck({ cwd, paths, format, config, write: () => undefined, warm: await warmProjectOf(cwd) });
      } else if (first?.kind === 'build') {
        const { runBuild } = await import('../commands/build/run-build.js');
        const { config, out } = first;
        const sink = capture('stdout', () => undefined);
        await runBuild({ cwd, check: true, config, out, stdout: sink, stderr: sink });
      }
    },
    run: (request, write) => {
      useEnvironment(request.env);
      writeCacheFiles = deferCacheWrites();
      return runCommand(request, write);
    },
    afterReply: () => writeCacheFiles(),
  });
} catch {
  // Another server took the socket first, or it cannot be made: this one is not needed.
}
process.exit(0);

async function runCommand(request: CommandRequest, write: (chunk: OutputChunk) => void): Promise<number> {
  const { cwd, env } = request;
  if (request.kind === 'check') {
    const { runCheck } = await import('../check/run-check.js');
    const { paths, format, config, color } = request;
    return runCheck({ cwd, paths, format, config, color, env, write: (text) => write({ to: 'stdout', text }), warm: await warmProjectOf(cwd) });
  }
  const { runBuild } = await import('../commands/build/run-build.js');
  const { check, config, out, strict, stderrIsTTY } = request;
  return runBuild({ cwd, check, config, out, strict, stdout: capture('stdout', write), stderr: capture('stderr', write, stderrIsTTY === true) });
}

/** A stream passing what is written on as chunks; a terminal when the client's is (a progress line). */
function capture(to: OutputChunk['to'], write: (chunk: OutputChunk) => void, isTTY = false): NodeJS.WriteStream {
  return {
    isTTY,
    write(text: string | Uint8Array) {
      write({ to, text: typeof text === 'string' ? text : Buffer.from(text).toString() });
      return true;
    },
  } as unknown as NodeJS.WriteStream;
}

/** Makes process.env exactly `env` (commands run one at a time). */
function useEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}

function firstCommand(json: string | undefined): FirstCommand | undefined {
  try {
    return json === undefined ? undefined : (JSON.parse(json) as FirstCommand);
  } catch {
    return undefined;
  }
}

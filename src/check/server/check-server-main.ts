// The check server's process: `node check-server-main.js <socket> <idle ms>`, started detached by
// `alertsmith check` (check-client.ts). It keeps TypeScript loaded and compiled and, per project
// folder, the parsed declarations (WarmProject), so that the next check only reads, checks and
// lints what changed. It writes nothing to a terminal; it stops when idle or asked to.
import { unlinkSync } from 'node:fs';
import { serveChecks } from './check-server.js';
import { serverStamp } from './server-address.js';
import type { WarmProject } from '../warm-project.js';

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

const warm = new Map<string, WarmProject>();
async function warmProjectOf(cwd: string): Promise<WarmProject> {
  const { WarmProject } = await import('../warm-project.js');
  const project = warm.get(cwd) ?? new WarmProject();
  warm.set(cwd, project);
  return project;
}
try {
  await serveChecks({
    socketPath,
    stamp: serverStamp(),
    idleMs: Number(idle) > 0 ? Number(idle) : 600_000,
    // The check that started this server has just filled the cache: a check of the unchanged
    // project loads everything a check needs, and parses the declarations (see checkProject).
    async warmUp() {
      const { runCheck } = await import('../run-check.js');
      await runCheck({ cwd: process.cwd(), format: 'json', write: () => undefined, warm: await warmProjectOf(process.cwd()) });
    },
    async check(request) {
      const { runCheck } = await import('../run-check.js');
      const project = await warmProjectOf(request.cwd);
      // The client's environment, as in its own process (a config file may read it): checks run one at a time.
      useEnvironment(request.env);
      let output = '';
      const exitCode = await runCheck({
        cwd: request.cwd,
        paths: request.paths,
        format: request.format,
        config: request.config,
        color: request.color,
        write: (text) => void (output += text),
        warm: project,
      });
      return { exitCode, output };
    },
  });
} catch {
  // Another server took the socket first, or it cannot be made: this one is not needed.
}
process.exit(0);

/** Makes process.env exactly `env`. */
function useEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}

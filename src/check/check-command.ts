import { runServed } from '../server/served-command.js';
import type { WarmProject } from './warm-project.js';

export interface CheckCommandOptions {
  cwd: string;
  paths: string[];
  format: string;
  config?: string | undefined;
  /** False for `--no-cache`: no cache, no server. */
  cache: boolean;
  watch: boolean;
}

/**
 * `alertsmith check` from the command line: through the project's server (src/server) unless
 * `--no-cache` or `--watch`; `--watch` runs in this process, which keeps the same state itself.
 */
export async function runCheckCommand(options: CheckCommandOptions): Promise<number> {
  const { cwd, paths, format, config, cache } = options;
  const inProcess = async (warm?: WarmProject) =>
    (await import('./run-check.js')).runCheck({ cwd, paths, format, config, cache, ...(warm ? { warm } : {}) });
  if (options.watch) {
    const warm = new (await import('./warm-project.js')).WarmProject();
    const { watchUntilInterrupted } = await import('../commands/watch/watch-runs.js');
    return watchUntilInterrupted(cwd, () => inProcess(warm));
  }
  if (!cache) return inProcess();
  const color = process.stdout.isTTY === true;
  return runServed(cwd, { kind: 'check', paths, format, ...(config !== undefined ? { config } : {}), color }, () => inProcess());
}

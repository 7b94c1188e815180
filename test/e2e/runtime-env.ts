import { readdirSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { RUNTIME_EXE, pathWithoutNode, runtimeCommand } from '../runtime/runtime-under-test.js';
import { RUNTIME_BUNDLE } from './elastalert-lines.js';

export const SIM_API_KEY = 'sim-api-key';
export const SIM_API_KEY_ID = '1';

/**
 * The environment ElastAlert runs with, which its command alerter hands to the runtime: where
 * XSOAR is, the key, and a state folder of the test's own. `xsoar8` adds the key id, which
 * switches the runtime to XSOAR 8 paths and headers. With the single executable, ElastAlert runs
 * with a PATH that holds no node.
 */
export function runtimeEnv(url: string, stateDir: string, options: { xsoar8?: boolean; deadlineMs?: number } = {}): Record<string, string> {
  const env: Record<string, string> = {
    DEMISTO_BASE_URL: url,
    DEMISTO_API_KEY: SIM_API_KEY,
    ALERTSMITH_STATE_DIR: stateDir,
    // Keeps a run against a dead simulator short; the default (20 s) is for production.
    ALERTSMITH_DEADLINE_MS: String(options.deadlineMs ?? 5_000),
  };
  if (options.xsoar8) env.DEMISTO_API_KEY_ID = SIM_API_KEY_ID;
  if (RUNTIME_EXE !== undefined) env.PATH = pathWithoutNode();
  return env;
}

/** Files in one folder of the runtime's state (`pending`, `delivered`, `rejected`), sorted. */
export function stateFiles(stateDir: string, folder: 'pending' | 'delivered' | 'rejected'): string[] {
  try {
    return readdirSync(path.join(stateDir, folder)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

/** Runs a subcommand of the runtime under test (`replay`, `status`) as a cron job would. */
export async function runRuntime(args: string[], env: Record<string, string>) {
  return execa(...runtimeCommand(RUNTIME_BUNDLE, args), { env, reject: false, all: true, timeout: 60_000, stdin: 'ignore' });
}

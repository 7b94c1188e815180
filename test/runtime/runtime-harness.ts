import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startXsoarSimulator, type SimulatorOptions, type XsoarSimulator } from '../../src/simulator/index.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundleRuntime } from '../../scripts/runtime-bundle.mjs';
import { runtimeCommand, runtimePath } from './runtime-under-test.js';
import { tempDir } from './temp-dir.js';

/**
 * Runs the BUILT runtime bundle as a separate process, as ElastAlert does. Each test file builds
 * the bundle into its own temp folder with the exact settings of `npm run build:dist`
 * (scripts/runtime-bundle.mjs), so tests never race a concurrent rebuild of dist/.
 */
export interface Bundle {
  file: string;
  dir: string;
  metafile: { inputs: Record<string, unknown> };
}

export async function buildBundle(): Promise<Bundle> {
  const dir = await mkdtemp(join(tmpdir(), 'alertsmith-runtime-bundle-'));
  const file = join(dir, 'alertsmith-incident.mjs');
  const metafile = (await bundleRuntime(file)) as Bundle['metafile'];
  return { file, dir, metafile };
}

export interface RunResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** stderr parsed as JSON lines. */
  logs: Record<string, unknown>[];
}

export const API_KEY = 'sim-api-key-0123456789abcdef';

export async function runBundle(
  bundle: string,
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult> {
  const r = await execa(...runtimeCommand(bundle, args), {
    input: options.input ?? '',
    env: { PATH: runtimePath(), HOME: '/nonexistent-home', ...options.env },
    extendEnv: false,
    reject: false,
    timeout: options.timeoutMs ?? 60_000,
    stripFinalNewline: false,
    maxBuffer: 512 * 1024 * 1024,
  });
  const stderr = String(r.stderr);
  const logs = stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { unparsed: l };
      }
    });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr, logs };
}

export { tempDir };

export interface RuntimeWorld {
  bundle: Bundle;
  sim: XsoarSimulator;
  state: Awaited<ReturnType<typeof tempDir>>;
  /** The environment that points the runtime at this test's simulator and state folder. */
  env(): Record<string, string>;
}

/**
 * The usual setup of a runtime test file: the bundle built once for the file, a fresh simulator
 * (with the test key) and state folder for each test, all removed afterwards.
 */
export function useRuntimeWorld(simulator: SimulatorOptions = {}): RuntimeWorld {
  // Filled in by the hooks below, before any test reads it.
  const world = {} as RuntimeWorld;
  world.env = () => ({ DEMISTO_BASE_URL: world.sim.url, DEMISTO_API_KEY: API_KEY, ALERTSMITH_STATE_DIR: world.state.path });
  beforeAll(async () => {
    world.bundle = await buildBundle();
  });
  beforeEach(async () => {
    world.sim = await startXsoarSimulator({ apiKey: API_KEY, ...simulator });
    world.state = await tempDir('alertsmith-state-');
  });
  afterEach(async () => {
    await world.sim.stop();
    await world.state.remove();
  });
  afterAll(async () => {
    await rm(world.bundle.dir, { recursive: true, force: true });
  });
  return world;
}

/** The flags the compiler writes for a small SSH detection. */
export const SSH_FLAGS = [
  '--rule=ssh-brute-force',
  '--name=SSH brute force on {{host.name}}',
  '--type=Brute Force',
  '--severity=high',
  '--details=user {{user.name}} from {{source.ip}}',
  '--labels=host.name,tags',
];

export function matchesJson(count: number, start = 0): string {
  const matches = Array.from({ length: count }, (_, i) => ({
    '@timestamp': '2026-11-27T10:00:00Z',
    _id: `doc-${start + i}`,
    _index: 'logs-auth',
    host: { name: `host-${start + i}` },
    user: { name: 'root' },
    source: { ip: '10.0.0.1' },
    tags: ['ssh'],
  }));
  return `${JSON.stringify(matches)}\n`;
}

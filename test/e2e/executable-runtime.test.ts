import { existsSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXsoarSimulator, type StoredIncident, type XsoarSimulator } from '../../src/simulator/index.js';
import { pathWithoutNode, RUNTIME_EXE } from '../runtime/runtime-under-test.js';
import { E2E_REQUIRED, ELASTALERT_LINES, lineIsUsable, REPO_ROOT, requireRuntimeBundle, RUNTIME_BUNDLE } from './elastalert-lines.js';
import { buildE2eWorkspace, type E2eWorkspace } from './e2e-workspace.js';
import { fireRule } from './fire-rule.js';
import { EXAMPLE_CASES } from './fixtures/example-events.js';
import { runtimeEnv } from './runtime-env.js';

// The single executable (`npm run build:exe`) beside the .mjs bundle: each example detection is
// fired through each real ElastAlert line once with rules that run `node <bundle>` and once with
// rules that run the executable (`runtime.executable`), ElastAlert then having a PATH that holds
// no node. Each build talks to its own simulator; both must receive the same incidents.
const EXECUTABLE = RUNTIME_EXE ?? path.join(REPO_ROOT, 'dist/alertsmith-incident');
const NO_NODE_PATH = pathWithoutNode();

function executableIsUsable(): boolean {
  if (existsSync(EXECUTABLE)) return true;
  if (E2E_REQUIRED) throw new Error(`${EXECUTABLE} is missing; ALERTSMITH_E2E_REQUIRED=1, so this fails: run \`npm run build:exe\``);
  process.stderr.write(`\nSKIPPING the executable's end-to-end tests: ${EXECUTABLE} is missing (run \`npm run build:exe\`)\n`);
  return false;
}
const exeUsable = executableIsUsable();

/** What XSOAR would keep of an incident: the body and how it came (the id depends on the order of arrival only). */
const received = (incidents: StoredIncident[]) => incidents.map(({ body, flavour, auth }) => ({ body, flavour, auth }));

describe.each(ELASTALERT_LINES.map((line, index) => ({ ...line, xsoar8: index === 1 })))('the single executable through $label', (line) => {
  const usable = lineIsUsable(line) && exeUsable;
  const builds: Record<'bundle' | 'executable', { workspace: E2eWorkspace; simulator: XsoarSimulator }> = {} as never;

  beforeAll(async () => {
    if (!usable) return;
    requireRuntimeBundle();
    const definitions = path.join(REPO_ROOT, 'definitions');
    const config = path.join(REPO_ROOT, 'alertsmith.config.ts');
    builds.bundle = {
      workspace: await buildE2eWorkspace(definitions, config, { node: process.execPath, script: RUNTIME_BUNDLE }),
      simulator: await startXsoarSimulator(),
    };
    builds.executable = {
      workspace: await buildE2eWorkspace(definitions, config, { executable: EXECUTABLE }),
      simulator: await startXsoarSimulator(),
    };
  });
  afterAll(async () => {
    for (const build of Object.values(builds)) {
      await build.simulator.stop();
      build.workspace.remove();
    }
  });

  it.runIf(usable)('runs with a PATH that holds no node, as on an ElastAlert host without Node', async () => {
    expect(NO_NODE_PATH.split(path.delimiter).filter((dir) => existsSync(path.join(dir, 'node')))).toEqual([]);
    const found = await execa('sh', ['-c', 'command -v node'], { env: { PATH: NO_NODE_PATH }, extendEnv: false, reject: false });
    expect(found.exitCode).not.toBe(0);
    const version = await execa(EXECUTABLE, ['--version'], { env: { PATH: NO_NODE_PATH }, extendEnv: false, reject: false });
    expect(version.exitCode).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.runIf(usable)('plans incidents where node cannot be run at all (hidden in a mount namespace), or says why it cannot check', async () => {
    const nodes = [process.execPath, ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'node'))].filter((file) => existsSync(file));
    const hide = [...new Set(nodes)].map((file) => `mount --bind /dev/null '${file}'`).join(' && ');
    const script = `${hide} && ! node -e 0 2>/dev/null && ! '${process.execPath}' -e 0 2>/dev/null && exec '${EXECUTABLE}' --rule=r --type=T --name='on {{host.name}}' --dry-run`;
    const run = await execa('unshare', ['--mount', 'sh', '-c', script], { input: '[{"host": {"name": "web-1"}}]\n', reject: false });
    if (run.exitCode !== 0 && /unshare|mount/.test(String(run.stderr)) && run.stdout === '') {
      process.stderr.write(`\nnot checked with node hidden: this machine does not allow a mount namespace (${String(run.stderr).trim()})\n`);
      return;
    }
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(JSON.parse(run.stdout)[0].body.name).toBe('on web-1');
  });

  it.runIf(usable).each(Object.keys(EXAMPLE_CASES))('%s: the executable sends XSOAR the same incident as the bundle', async (id) => {
    const example = EXAMPLE_CASES[id]!;
    for (const [name, { workspace, simulator }] of Object.entries(builds)) {
      const env = runtimeEnv(simulator.url, workspace.stateDir, { xsoar8: line.xsoar8 });
      if (name === 'executable') env.PATH = NO_NODE_PATH;
      const outcome = await fireRule({
        line,
        elastalertConfig: workspace.elastalertConfig,
        ruleFile: workspace.rule(id),
        events: structuredClone(example.events),
        env,
        runs: example.runs,
      });
      expect(outcome.ruleDisabled, `${name}: ${outcome.log}`).toBe(false);
      expect(outcome.alerts, `${name}: ${outcome.log}`).toEqual([{ alert_sent: true, alert_exception: null }]);
    }
    const fromBundle = received(builds.bundle.simulator.incidents());
    const fromExecutable = received(builds.executable.simulator.incidents());
    expect(fromBundle.length).toBeGreaterThan(0);
    expect(fromExecutable).toEqual(fromBundle);
  });
});

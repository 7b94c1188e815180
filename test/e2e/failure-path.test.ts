import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';
import { ELASTALERT_LINES, lineIsUsable, REPO_ROOT, requireRuntimeBundle } from './elastalert-lines.js';
import { buildE2eWorkspace, type E2eWorkspace } from './e2e-workspace.js';
import { fireRule } from './fire-rule.js';
import { EXAMPLE_CASES } from './fixtures/example-events.js';
import { runRuntime, runtimeEnv, stateFiles } from './runtime-env.js';

const RULE = 'microsoft-ata';

describe.each(ELASTALERT_LINES)('nothing lost, nothing doubled, through $label', (line) => {
  const usable = lineIsUsable(line);
  let workspace: E2eWorkspace;
  const simulators: XsoarSimulator[] = [];

  beforeAll(async () => {
    if (!usable) return;
    requireRuntimeBundle();
    workspace = await buildE2eWorkspace(path.join(REPO_ROOT, 'definitions'), path.join(REPO_ROOT, 'alertsmith.config.ts'));
  });
  afterAll(async () => {
    await Promise.all(simulators.map((simulator) => simulator.stop()));
    workspace?.remove();
  });

  async function simulator(): Promise<XsoarSimulator> {
    const started = await startXsoarSimulator();
    simulators.push(started);
    return started;
  }

  function fire(url: string, stateDir: string) {
    return fireRule({
      line,
      elastalertConfig: workspace.elastalertConfig,
      ruleFile: workspace.rule(RULE),
      events: structuredClone(EXAMPLE_CASES[RULE]!.events),
      env: runtimeEnv(url, stateDir, { deadlineMs: 3_000 }),
    });
  }

  it.runIf(usable)('a stopped XSOAR fails the alert, the spool keeps the incident, and replay creates it exactly once', async () => {
    const stateDir = path.join(workspace.dir, 'state-down');
    const gone = await simulator();
    const deadUrl = gone.url;
    await gone.stop();

    const failed = await fire(deadUrl, stateDir);
    expect(failed.ruleDisabled, failed.log).toBe(false);
    expect(failed.alerts).toEqual([{ alert_sent: false, alert_exception: expect.stringMatching(/non-zero exit code/i) }]);
    expect(stateFiles(stateDir, 'pending')).toHaveLength(1);

    const restarted = await simulator();
    const env = runtimeEnv(restarted.url, stateDir);
    const replay = await runRuntime(['replay'], env);
    expect(replay.exitCode, replay.all).toBe(0);
    expect(restarted.incidents()).toHaveLength(1);
    expect(restarted.incidents()[0]!.body.name).toBe('Microsoft ATA: Pass-the-hash on ws-17');
    expect(stateFiles(stateDir, 'pending')).toEqual([]);

    // A second replay, and ElastAlert retrying the failed alert with the same match, create nothing new.
    expect((await runRuntime(['replay'], env)).exitCode).toBe(0);
    const retried = await fire(restarted.url, stateDir);
    expect(retried.alerts, retried.log).toEqual([{ alert_sent: true, alert_exception: null }]);
    expect(restarted.incidents()).toHaveLength(1);
  });

  it.runIf(usable)('a failing XSOAR (503 on every create) fails the alert, and replay after recovery creates it once', async () => {
    const stateDir = path.join(workspace.dir, 'state-503');
    const failing = await simulator();
    failing.inject({ fail: { count: 1_000, status: 503 } });

    const failed = await fire(failing.url, stateDir);
    expect(failed.ruleDisabled, failed.log).toBe(false);
    expect(failed.alerts).toEqual([{ alert_sent: false, alert_exception: expect.stringMatching(/non-zero exit code/i) }]);
    expect(failing.incidents()).toEqual([]);
    expect(failing.requests().some((request) => request.status === 503)).toBe(true);
    expect(stateFiles(stateDir, 'pending')).toHaveLength(1);

    failing.clearFaults();
    const replay = await runRuntime(['replay'], runtimeEnv(failing.url, stateDir));
    expect(replay.exitCode, replay.all).toBe(0);
    expect(failing.incidents()).toHaveLength(1);
    expect((await runRuntime(['replay'], runtimeEnv(failing.url, stateDir))).exitCode).toBe(0);
    expect(failing.incidents()).toHaveLength(1);
  });
});

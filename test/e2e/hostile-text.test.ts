import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';
import { ELASTALERT_LINES, lineIsUsable, REPO_ROOT, requireRuntimeBundle } from './elastalert-lines.js';
import { buildE2eWorkspace, type E2eWorkspace } from './e2e-workspace.js';
import { fireRule } from './fire-rule.js';
import { HOSTILE_EVENT_VALUES, HOSTILE_TEXT } from './fixtures/hostile-text.js';
import { runtimeEnv } from './runtime-env.js';

// Set in ElastAlert's environment: ElastAlert 2 would paste them into a rule file that let a
// `$HOME` or `${PATH}` through unescaped.
const TRAP_ENV = { HOME: '/home/expanded-by-elastalert', PATH: `/expanded-by-elastalert:${process.env.PATH ?? '/usr/bin'}` };

describe.each(ELASTALERT_LINES)('hostile text through $label', (line) => {
  const usable = lineIsUsable(line);
  let workspace: E2eWorkspace;
  let simulator: XsoarSimulator;

  beforeAll(async () => {
    if (!usable) return;
    requireRuntimeBundle();
    workspace = await buildE2eWorkspace(path.join(REPO_ROOT, 'test/e2e/fixtures/hostile'));
    simulator = await startXsoarSimulator();
  });
  afterAll(async () => {
    await simulator?.stop();
    workspace?.remove();
  });

  async function fire(id: string, event: Record<string, unknown>) {
    const before = simulator.incidents().length;
    const outcome = await fireRule({
      line,
      elastalertConfig: workspace.elastalertConfig,
      ruleFile: workspace.rule(id),
      events: [{ '@timestamp': '2026-01-15T10:00:00Z', _id: `${id}-1`, ...event }],
      env: { ...TRAP_ENV, ...runtimeEnv(simulator.url, workspace.stateDir) },
    });
    return { outcome, created: simulator.incidents().slice(before) };
  }

  it.runIf(usable)('sends every text of a definition full of %, {, }, $, quotes, backslashes, newlines and non-ASCII byte for byte', async () => {
    const { outcome, created } = await fire('hostile-text', { host: { name: 'web-1' }, x: 'ex', message: 'm' });
    expect(outcome.alerts, outcome.log).toEqual([{ alert_sent: true, alert_exception: null }]);
    expect(created, outcome.log).toHaveLength(1);
    // {{x}} is the one placeholder; everything else is literal text.
    const rendered = HOSTILE_TEXT.replace('{{x}}', 'ex');
    expect(created[0]!.body).toMatchObject({
      name: `Name ${rendered}`,
      type: `Type ${HOSTILE_TEXT}`,
      severity: 4,
      details: `Details ${rendered}`,
      CustomFields: { hostiletext: `Custom ${rendered}` },
      owner: `Owner ${HOSTILE_TEXT}`,
      playbookId: `Playbook ${HOSTILE_TEXT}`,
    });
    expect((created[0]!.body.labels as unknown[]).slice(0, 2)).toEqual([
      { type: 'host.name', value: 'web-1' },
      { type: 'x', value: 'ex' },
    ]);
    // The server received exactly these bytes: nothing was re-encoded on the way.
    const request = simulator.requests().find((r) => r.path === '/incident' && r.status === 200 && r.body.includes('"Type '));
    expect(JSON.parse(request!.body).type).toBe(`Type ${HOSTILE_TEXT}`);
  });

  it.runIf(usable)('carries logged values such as {, {x}, %s and $HOME verbatim, and the rule stays enabled', async () => {
    const { outcome, created } = await fire('hostile-values', { event: { category: 'authentication' }, ...HOSTILE_EVENT_VALUES });
    expect(outcome.ruleDisabled, outcome.log).toBe(false);
    expect(outcome.alerts, outcome.log).toEqual([{ alert_sent: true, alert_exception: null }]);
    expect(created).toHaveLength(1);
    const { host, user, message } = HOSTILE_EVENT_VALUES;
    expect(created[0]!.body).toMatchObject({
      name: `Login by ${user.name} on ${host.name}`,
      details: message,
      CustomFields: { logmessage: message },
    });
    expect((created[0]!.body.labels as unknown[]).slice(0, 3)).toEqual([
      { type: 'host.name', value: host.name },
      { type: 'user.name', value: user.name },
      { type: 'message', value: message },
    ]);
    expect(JSON.parse(created[0]!.body.rawJSON as string)).toMatchObject(HOSTILE_EVENT_VALUES);
  });
});

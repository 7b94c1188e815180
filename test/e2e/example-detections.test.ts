import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEDUP_KEY_LABEL, RULE_LABEL } from '../../src/incident/dedup-key.js';
import { startXsoarSimulator, type XsoarSimulator } from '../../src/simulator/index.js';
import { ELASTALERT_LINES, lineIsUsable, REPO_ROOT, requireRuntimeBundle } from './elastalert-lines.js';
import { buildE2eWorkspace, type E2eWorkspace } from './e2e-workspace.js';
import { fireRule } from './fire-rule.js';
import { EXAMPLE_CASES } from './fixtures/example-events.js';
import { runtimeEnv } from './runtime-env.js';

// Yelp 0.2.4 talks to the simulator as XSOAR 6, ElastAlert 2 as XSOAR 8: both API flavours
// are exercised end to end.
describe.each(ELASTALERT_LINES.map((line, index) => ({ ...line, xsoar8: index === 1 })))(
  'each example detection fired through the command alerter of $label',
  (line) => {
    const usable = lineIsUsable(line);
    let workspace: E2eWorkspace;
    let simulator: XsoarSimulator;

    beforeAll(async () => {
      if (!usable) return;
      requireRuntimeBundle();
      workspace = await buildE2eWorkspace(path.join(REPO_ROOT, 'definitions'), path.join(REPO_ROOT, 'alertsmith.config.ts'));
      simulator = await startXsoarSimulator();
    });
    afterAll(async () => {
      await simulator?.stop();
      workspace?.remove();
    });

    it.runIf(usable).each(Object.keys(EXAMPLE_CASES))('%s opens the expected incident in XSOAR', async (id) => {
      const example = EXAMPLE_CASES[id]!;
      const before = simulator.incidents().length;
      const outcome = await fireRule({
        line,
        elastalertConfig: workspace.elastalertConfig,
        ruleFile: workspace.rule(id),
        events: structuredClone(example.events),
        env: runtimeEnv(simulator.url, workspace.stateDir, { xsoar8: line.xsoar8 }),
        runs: example.runs,
      });
      expect(outcome.ruleDisabled, outcome.log).toBe(false);
      expect(outcome.alerts, outcome.log).toEqual([{ alert_sent: true, alert_exception: null }]);

      const created = simulator.incidents().slice(before);
      expect(created, outcome.log).toHaveLength(1);
      const [incident] = created;
      expect(incident!.flavour).toBe(line.xsoar8 ? 'xsoar8' : 'xsoar6');
      const body = incident!.body as Record<string, unknown> & { labels: { type: string; value: string }[]; rawJSON: string };
      const match = JSON.parse(body.rawJSON) as Record<string, unknown>;
      const { labels, ...fields } = example.expected(match, line.label);
      expect(body).toMatchObject(fields);
      expect(body.labels.slice(0, labels.length)).toEqual(labels);
      expect(body.labels.slice(labels.length).map((label) => label.type)).toEqual([RULE_LABEL, DEDUP_KEY_LABEL]);
      expect(body.labels).toContainEqual({ type: RULE_LABEL, value: id });
      if (example.matchId !== undefined) {
        const { _id, ...event } = example.events.find((candidate) => candidate._id === example.matchId)!;
        expect(match).toMatchObject({ ...event, _id });
      }
    });
  },
);

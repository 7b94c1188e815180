import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELASTALERT_LINES, lineIsUsable, REPO_ROOT } from './elastalert-lines.js';
import { buildE2eWorkspace, E2E_RUNTIME, type E2eWorkspace } from './e2e-workspace.js';
import { loadRules } from './fire-rule.js';
import { HOSTILE_QUERY, HOSTILE_TEXT } from './fixtures/hostile-text.js';

const generatedDir = path.join(REPO_ROOT, 'generated');
const committedRules = readdirSync(generatedDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => path.join(generatedDir, name));

describe.each(ELASTALERT_LINES)('rules load with the rules loader of $label', (line) => {
  const usable = lineIsUsable(line);
  let examples: E2eWorkspace;
  let hostile: E2eWorkspace;

  beforeAll(async () => {
    if (!usable) return;
    examples = await buildE2eWorkspace(path.join(REPO_ROOT, 'definitions'), path.join(REPO_ROOT, 'alertsmith.config.ts'));
    hostile = await buildE2eWorkspace(path.join(REPO_ROOT, 'test/e2e/fixtures/hostile'));
  });
  afterAll(() => {
    examples?.remove();
    hostile?.remove();
  });

  it.runIf(usable)('loads every committed rule in generated/ with its command alerter', async () => {
    expect(committedRules.length).toBeGreaterThan(0);
    const loaded = await loadRules(line, examples.elastalertConfig, committedRules);
    expect(loaded.errors).toEqual([]);
    expect(loaded.rules).toHaveLength(committedRules.length);
    for (const rule of loaded.rules) {
      expect(rule.alert).toEqual(['CommandAlerter']);
      expect(rule.is_enabled).toBe(true);
    }
  });

  it.runIf(usable)('loads every example rule built for this machine, pointing at the runtime under test (this Node and the bundle, or the executable)', async () => {
    const files = examples.ruleFiles();
    expect(files.map((file) => path.basename(file))).toEqual(committedRules.map((file) => path.basename(file)));
    const loaded = await loadRules(line, examples.elastalertConfig, files);
    expect(loaded.errors).toEqual([]);
    const program = E2E_RUNTIME.executable !== undefined ? [E2E_RUNTIME.executable] : [E2E_RUNTIME.node, E2E_RUNTIME.script];
    for (const rule of loaded.rules) {
      expect(rule.command.slice(0, program.length)).toEqual(program);
      expect(rule.command[program.length]).toMatch(/^--rule=/);
    }
  });

  it.runIf(usable)('loads hostile definition text back byte for byte, with $HOME and ${PATH} set', async () => {
    const loaded = await loadRules(line, hostile.elastalertConfig, [hostile.rule('hostile-text')], {
      HOME: '/home/should-not-appear',
      PATH: process.env.PATH ?? '/usr/bin',
    });
    expect(loaded.errors).toEqual([]);
    const [rule] = loaded.rules;
    expect(rule!.name).toBe(HOSTILE_TEXT);
    expect(JSON.stringify(rule!.filter)).toContain(JSON.stringify(HOSTILE_QUERY));
  });
});

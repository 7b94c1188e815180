import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlerterOption } from '../../src/commands/import/elastalert-options.js';
import type { ImportReport, RuleImport } from '../../src/commands/import/import-result.js';
import { runImport } from '../../src/commands/import/run-import.js';
import { runCheck } from '../../src/check/run-check.js';
import { buildE2eWorkspace, type E2eWorkspace } from './e2e-workspace.js';
import { ELASTALERT_LINES, lineIsUsable, REPO_ROOT, type ElastAlertLine } from './elastalert-lines.js';

const CORPUS = path.join(REPO_ROOT, 'test/e2e/fixtures/import');
const DUMP_HARNESS = path.join(REPO_ROOT, 'test/e2e/harness/rule_dump_harness.py');

/** Keys that belong to the alerter (the XSOAR command replaces it) or are metadata the rule does not need. */
const NOT_DETECTION_KEYS = new Set(['rule_file', 'owner']);

type Dump = Record<string, { rule?: Record<string, unknown>; error?: string }>;

async function dumpRules(line: ElastAlertLine, elastalertConfig: string, files: string[]): Promise<Dump> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'alertsmith-dump-'));
  try {
    const result = path.join(scratch, 'result.json');
    const run = await execa(line.python, [DUMP_HARNESS, '--result', result, 'dump', '--config', elastalertConfig, '--default-alert', 'debug', ...files], {
      env: { PYTHONIOENCODING: 'utf-8' },
      reject: false,
      all: true,
      timeout: 120_000,
    });
    if (run.exitCode !== 0) throw new Error(`dump harness failed (exit ${run.exitCode}):\n${run.all}`);
    return JSON.parse(readFileSync(result, 'utf8')) as Dump;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The detection keys whose loaded values differ between the original and the rebuilt rule. */
function differingKeys(original: Record<string, unknown>, rebuilt: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(original), ...Object.keys(rebuilt)]);
  return [...keys]
    // `include` (which fields matches carry) is built from query_key and compare_key: compared too.
    .filter((k) => !NOT_DETECTION_KEYS.has(k) && (k === 'include' || !isAlerterOption(k)))
    .filter((k) => JSON.stringify(original[k]) !== JSON.stringify(rebuilt[k]))
    .sort();
}

describe('alertsmith import: the corpus, imported, built and loaded back by ElastAlert', () => {
  let project: string;
  let definitions: string;
  let report: ImportReport;
  let exitCode: number;
  let rules: E2eWorkspace | undefined;
  const imported = () => report.rules.filter((r) => r.status !== 'not-imported');
  const original = (r: RuleImport) => path.join(CORPUS, r.file);

  beforeAll(async () => {
    // A project folder, so that `check` resolves the definitions' `import ... from 'alertsmith'`.
    project = mkdtempSync(path.join(tmpdir(), 'alertsmith-import-e2e-'));
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'alertsmith'));
    definitions = path.join(project, 'definitions');
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    exitCode = await runImport({
      cwd: CORPUS,
      paths: ['rules', 'bases'],
      out: definitions,
      xsoarType: 'Imported Alert',
      sigma: ['sigma'],
      format: 'json',
      stdout: out,
    });
    report = JSON.parse(text) as ImportReport;
    rules = await buildE2eWorkspace(definitions);
  });
  afterAll(() => {
    rules?.remove();
    rmSync(project, { recursive: true, force: true });
  });

  it('imports every rule but those with no equivalent, and names why', () => {
    expect(exitCode).toBe(1);
    const notImported = report.rules.filter((r) => r.status === 'not-imported');
    expect(notImported.map((r) => [r.file, r.reason])).toEqual([
      ['rules/not-imported-list-types.yaml', 'blacklist[0] is true; it must be text; blacklist[1] is 511; it must be text'],
      ['rules/not-imported-run-every.yaml', 'no equivalent in alertsmith for run_every (a run interval of its own)'],
    ]);
    expect(report.bases).toEqual(['bases/common.yaml', 'bases/override-realert.yaml', 'bases/windows-security.yaml']);
    expect(imported()).toHaveLength(23);
  });

  it('builds every imported definition into a rule (alertsmith build accepted all of them)', () => {
    expect(rules!.ruleFiles().map((f) => path.basename(f, '.yaml')).sort()).toEqual(imported().map((r) => r.id).sort());
  });

  it('passes alertsmith check (type checking included) with no error', async () => {
    let text = '';
    const code = await runCheck({ cwd: project, paths: ['definitions'], format: 'json', write: (t) => (text += t) });
    const findings = (JSON.parse(text) as { findings?: { level: string; ruleId: string }[] }).findings ?? [];
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  describe.each(ELASTALERT_LINES)('on $label', (line) => {
    const usable = lineIsUsable(line);

    it.runIf(usable)('loads each original and each rebuilt rule to the same detection keys, but those the report names', async () => {
      const originals = await dumpRules(line, rules!.elastalertConfig, imported().map(original));
      const rebuilt = await dumpRules(line, rules!.elastalertConfig, imported().map((r) => rules!.rule(r.id!)));
      const differences: Record<string, string[]> = {};
      for (const r of imported()) {
        const before = originals[original(r)]!;
        const after = rebuilt[rules!.rule(r.id!)]!;
        expect(after.error, `${r.id} rebuilt`).toBeUndefined();
        if (r.file === 'rules/inherit-list.yaml' && line.label.startsWith('Yelp')) {
          // The report says it: a list of imports is ElastAlert 2's; 0.2.4 cannot load the original.
          expect(before.error).toMatch(/TypeError/);
          expect(r.notes.map((n) => n.message).join('\n')).toMatch(/only ElastAlert 2 reads/);
          continue;
        }
        expect(before.error, `${r.file} original`).toBeUndefined();
        // The comparison covers what decides what fires, on every rule.
        expect(Object.keys(before.rule!)).toEqual(expect.arrayContaining(['name', 'index', 'type', 'filter', 'realert', 'timestamp_field', 'include']));
        const keys = differingKeys(before.rule!, after.rule!);
        const named = new Set(r.notes.map((n) => n.option));
        for (const key of keys) expect(named.has(key), `${r.file}: ${key} differs and the report does not name it`).toBe(true);
        if (keys.length > 0) differences[r.file] = keys;
      }
      // Every detection key of every other rule loads to the same value.
      expect(differences).toEqual({ 'rules/dropped-options.yaml': ['include', 'timeframe'] });
    });
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportOptions } from '../../../src/commands/import/run-import.js';
import { validateDefinition } from '../../../src/define/validate-definition.js';
import { configSchema } from '../../../src/define/schema/config.js';
import { main } from '../../../src/cli/main.js';

const CORPUS = path.resolve(import.meta.dirname, '../../e2e/fixtures/import');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-import-'));
  mkdirSync(path.join(dir, 'rules'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(options: Partial<ImportOptions>): Promise<{ code: number; output: string }> {
  const stdout = new PassThrough();
  let output = '';
  stdout.on('data', (c: Buffer) => (output += c.toString()));
  const code = await runImport({ cwd: dir, paths: ['rules'], ...options, stdout });
  return { code, output };
}

const rule = (name: string, extra = '') => `name: ${name}\ndescription: d\nindex: logs-*\ntype: any\nalert: debug\n${extra}`;

describe('runImport', () => {
  it('writes one definition per rule, named by the file in kebab-case, and exits 0 when all were imported', async () => {
    writeFileSync(path.join(dir, 'rules/Brute_Force.yaml'), rule('Brute force'));
    const { code, output } = await run({ xsoarType: 'T' });
    expect(code).toBe(0);
    expect(readdirSync(path.join(dir, 'definitions'))).toEqual(['brute-force.ts']);
    expect(output).toMatch(/^rules\/Brute_Force\.yaml: imported with notes -> definitions\/brute-force\.ts$/m);
  });

  it('exits 1 when a rule was not imported, with the reason in the JSON report', async () => {
    writeFileSync(path.join(dir, 'rules/a.yaml'), rule('A', 'run_every: {minutes: 5}\n'));
    const { code, output } = await run({ format: 'json' });
    expect(code).toBe(1);
    const report = JSON.parse(output);
    expect(report.rules[0]).toMatchObject({ file: 'rules/a.yaml', status: 'not-imported', reason: 'no equivalent in alertsmith for run_every (a run interval of its own)' });
    expect(report.summary).toEqual({ rules: 1, imported: 0, importedWithNotes: 0, notImported: 1 });
  });

  it('writes nothing with --dry-run', async () => {
    writeFileSync(path.join(dir, 'rules/a.yaml'), rule('A'));
    const { code } = await run({ dryRun: true });
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, 'definitions'))).toBe(false);
  });

  it('never overwrites a different definition without --force', async () => {
    writeFileSync(path.join(dir, 'rules/a.yaml'), rule('A'));
    mkdirSync(path.join(dir, 'definitions'));
    writeFileSync(path.join(dir, 'definitions/a.ts'), 'hand-written');
    expect((await run({})).code).toBe(1);
    expect(readFileSync(path.join(dir, 'definitions/a.ts'), 'utf8')).toBe('hand-written');
    expect((await run({ force: true })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'definitions/a.ts'), 'utf8')).toMatch(/defineAlert/);
  });

  it('gives the same bytes on every run, and definitions the schema accepts', async () => {
    const first = await runImport({ cwd: CORPUS, paths: ['rules'], out: path.join(dir, 'one'), xsoarType: 'T', sigma: ['sigma'], stdout: new PassThrough() });
    await runImport({ cwd: CORPUS, paths: ['rules'], out: path.join(dir, 'two'), xsoarType: 'T', sigma: ['sigma'], stdout: new PassThrough() });
    expect(first).toBe(1);
    const names = readdirSync(path.join(dir, 'one')).sort();
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(readFileSync(path.join(dir, 'two', name), 'utf8')).toBe(readFileSync(path.join(dir, 'one', name), 'utf8'));
  });

  it('is a usage error (exit 2, one line with its code) to name a path that does not exist or a bad format', async () => {
    const errors: string[] = [];
    expect(await main(['import', 'nope'], dir, (t) => errors.push(t))).toBe(2);
    expect(await main(['import', 'rules', '--format', 'xml'], dir, (t) => errors.push(t))).toBe(2);
    expect(errors).toEqual([
      'alertsmith: nope does not exist [ALERTSMITH_IMPORT_PATH]\n',
      'alertsmith: --format must be pretty or json, not "xml" [ALERTSMITH_IMPORT_USAGE]\n',
    ]);
  });

  it('writes definitions whose evaluated value the build\'s validation accepts', async () => {
    writeFileSync(path.join(dir, 'rules/glue.yaml'), rule('G', 'query_key: winlog.event_data.SubjectUserName\ncommand: [python3, glue.py, --type, Malware, --severity, "2", --labels, event_id]\nalert: command\n'));
    expect((await run({})).code).toBe(0);
    const text = readFileSync(path.join(dir, 'definitions/glue.ts'), 'utf8');
    const literal = text.slice(text.indexOf('defineAlert(') + 'defineAlert('.length, text.lastIndexOf(');'));
    const value: unknown = new Function(`return (${literal});`)();
    expect(validateDefinition(value, 'glue', configSchema.parse({}))).toMatchObject({ ok: true });
    expect(value).toMatchObject({ eventFields: { event_id: 'keyword', 'winlog.event_data.SubjectUserName': 'keyword' }, xsoar: { type: 'Malware', severity: 'medium', labels: ['event_id'] } });
  });
});

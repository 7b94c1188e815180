import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.js';
import { configSchema } from '../../src/define/schema/config.js';
import { tempProject } from '../commands/build/temp-project.js';
import { SAMPLE_BUNDLE } from '../attack/sample-attack-data.js';

/** Definitions as plain objects (no alertsmith import: only lib.d.ts to type-check), one using a shared type. */
function cachedProject(): string {
  const definition = (id: string, head = '', severity = "'low'") =>
    `${head}export default {\n  id: '${id}', name: 'N', description: 'D', index: 'logs-*', type: 'any',\n  query: 'event.code:4625',\n  xsoar: { type: 'T', severity: ${severity}, labels: ['host.name'] },\n};\n`;
  const dir = tempProject({
    'shared/severity.ts': "export type Severity = 'low' | 'high';\n",
    'definitions/a.ts': definition('a', "import type { Severity } from '../shared/severity.js';\nconst severity: Severity = 'low';\n", 'severity'),
    'definitions/b.ts': definition('b'),
  });
  mkdirSync(path.join(dir, 'node_modules'));
  return dir;
}

/** What a check reports (not how it got there: whether this thread type-checked). */
const check = async (cwd: string, cache = true) => {
  const { findings, files } = await checkProject({ cwd, config: configSchema.parse({}), cache });
  return { findings, files };
};
const cacheFile = (dir: string) => path.join(dir, 'node_modules/.cache/alertsmith/check.json');

/** Adds a finding to a file's stored entry: a report that shows it came from the cache. */
function markCachedFinding(dir: string, file: string): void {
  const stored = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
  const absolute = path.join(dir, file);
  stored.entries[absolute].value.findings.push({ ruleId: 'marker', level: 'warning', message: 'ANSWERED BY THE CACHE', file: absolute, line: 1, column: 1 });
  writeFileSync(cacheFile(dir), JSON.stringify(stored));
}
const marked = (findings: { message: string }[]) => findings.some((f) => f.message === 'ANSWERED BY THE CACHE');

describe('check cache (node_modules/.cache/alertsmith)', () => {
  it('gives the same findings from the cache as a fresh check, and answers from it while nothing changed', async () => {
    const dir = cachedProject();
    const fresh = await check(dir, false);
    expect(await check(dir)).toEqual(fresh);
    expect(await check(dir)).toEqual(fresh);
    markCachedFinding(dir, 'definitions/b.ts');
    expect(marked((await check(dir)).findings)).toBe(true);
  }, 120_000);

  it('checks a definition again when a type it imports changes, and keeps the other from the cache', async () => {
    const dir = cachedProject();
    expect((await check(dir)).findings.filter((f) => f.ruleId === 'typescript')).toEqual([]);
    markCachedFinding(dir, 'definitions/a.ts');
    writeFileSync(path.join(dir, 'shared/severity.ts'), "export type Severity = 'high';\n");
    const after = await check(dir);
    expect(marked(after.findings)).toBe(false);
    expect(after.findings).toContainEqual(expect.objectContaining({ ruleId: 'typescript', file: path.join(dir, 'definitions/a.ts'), line: 2 }));
  }, 120_000);

  it('checks again only the edited definition', async () => {
    const dir = cachedProject();
    await check(dir);
    markCachedFinding(dir, 'definitions/a.ts');
    const b = path.join(dir, 'definitions/b.ts');
    writeFileSync(b, readFileSync(b, 'utf8').replace("severity: 'low'", "severity: 'hihg'"));
    const after = await check(dir);
    expect(marked(after.findings)).toBe(true);
    expect(after.findings).toContainEqual(expect.objectContaining({ file: b, level: 'error', message: expect.stringContaining('did you mean "high"') }));
  }, 120_000);

  it('checks again when the ATT&CK data changes (it decides attack-technique-unknown)', async () => {
    const dir = cachedProject();
    const b = path.join(dir, 'definitions/b.ts');
    const index = fileURLToPath(new URL('../../src/index.js', import.meta.url));
    writeFileSync(b, `import { defineAlert } from ${JSON.stringify(index)};\nexport default defineAlert({\n  id: 'b', name: 'N', description: 'D', index: 'logs-*', type: 'any', query: 'event.code:4625',\n  attack: { techniques: ['T1046'] },\n  xsoar: { type: 'T', severity: 'low' },\n});\n`);
    const bundle = JSON.parse(readFileSync(SAMPLE_BUNDLE, 'utf8')) as { objects: { external_references?: { external_id?: string }[] }[] };
    const without = { ...bundle, objects: bundle.objects.filter((o) => !(o.external_references ?? []).some((r) => r.external_id === 'T1046')) };
    writeFileSync(path.join(dir, 'attack.json'), JSON.stringify(bundle));
    const config = configSchema.parse({ attackData: 'attack.json' });
    const unknownTechnique = async () => (await checkProject({ cwd: dir, config, cache: true, typeCheck: false })).findings.filter((f) => f.ruleId === 'attack-technique-unknown');
    expect(await unknownTechnique()).toEqual([]);
    writeFileSync(path.join(dir, 'attack.json'), JSON.stringify(without));
    expect(await unknownTechnique()).toContainEqual(expect.objectContaining({ file: b, message: expect.stringContaining('T1046') }));
  }, 120_000);

  it("type-checks with the definitions folder's tsconfig.json, and again when a file it extends changes", async () => {
    const dir = cachedProject();
    const b = path.join(dir, 'definitions/b.ts');
    writeFileSync(b, `const unused = 1;\n${readFileSync(b, 'utf8')}`);
    const unusedLocal = (findings: { ruleId: string; file: string; line: number }[]) =>
      findings.some((f) => f.ruleId === 'typescript' && f.file === b && f.line === 1);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] } }));
    writeFileSync(path.join(dir, 'strict-base.json'), JSON.stringify({ compilerOptions: { noUnusedLocals: false } }));
    writeFileSync(path.join(dir, 'definitions/tsconfig.json'), JSON.stringify({ extends: '../strict-base.json', compilerOptions: { strict: true, noEmit: true, types: [] } }));
    expect(unusedLocal((await check(dir)).findings)).toBe(false);
    writeFileSync(path.join(dir, 'strict-base.json'), JSON.stringify({ compilerOptions: { noUnusedLocals: true } }));
    const after = await check(dir);
    expect(unusedLocal(after.findings)).toBe(true);
    expect(after).toEqual(await check(dir, false));
  }, 120_000);

  it('ignores a corrupt cache', async () => {
    const dir = cachedProject();
    const fresh = await check(dir);
    writeFileSync(cacheFile(dir), 'not json');
    expect(await check(dir)).toEqual(fresh);
  }, 120_000);
});

describe('check after an edit: only the edited definition is parsed and type-checked', () => {
  it('still sees what another, unchanged definition declares globally', async () => {
    const dir = cachedProject();
    const c = path.join(dir, 'definitions/c.ts');
    writeFileSync(c, "declare global {\n  type TeamSeverity = 'low' | 'high';\n}\nexport default { id: 'c', name: 'N', description: 'D', index: 'logs-*', type: 'any', query: 'a:b', xsoar: { type: 'T', severity: 'low' } };\n");
    const b = path.join(dir, 'definitions/b.ts');
    writeFileSync(b, `const severity: TeamSeverity = 'high';\n${readFileSync(b, 'utf8').replace("severity: 'low'", 'severity')}`);
    const fresh = await check(dir, false);
    expect(fresh.findings.filter((f) => f.ruleId === 'typescript')).toEqual([]);
    await check(dir);
    writeFileSync(b, readFileSync(b, 'utf8').replace("name: 'N'", "name: 'Edited'"));
    const after = await check(dir);
    expect(after.findings.filter((f) => f.ruleId === 'typescript')).toEqual([]);
    expect(after).toEqual(await check(dir, false));
  }, 120_000);
});

import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.js';
import { WarmProject } from '../../src/check/warm-project.js';
import { configSchema } from '../../src/define/schema/config.js';
import { tempProject } from '../commands/build/temp-project.js';

/** Two definitions; `a` takes its severity type from a shared module (parsed through an import). */
function project(): string {
  const definition = (id: string, head: string, severity: string) =>
    `${head}export default {\n  id: '${id}', name: 'N', description: 'D', index: 'logs-*', type: 'any',\n  query: 'event.code:4625',\n  xsoar: { type: 'T', severity: ${severity}, labels: ['host.name'] },\n};\n`;
  return tempProject({
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', types: [] }, include: ['definitions'] }),
    'package.json': JSON.stringify({ type: 'module' }),
    'shared/severity.ts': "export type Severity = 'low' | 'high';\n",
    'definitions/a.ts': definition('a', "import type { Severity } from '../shared/severity.js';\nconst severity: Severity = 'low';\n", 'severity'),
    'definitions/b.ts': definition('b', '', "'low'"),
  });
}

const typeErrors = async (cwd: string, warm?: WarmProject) =>
  (await checkProject({ cwd, config: configSchema.parse({}), cache: false, ...(warm ? { warm } : {}) })).findings
    .filter((f) => f.ruleId === 'typescript')
    .map((f) => `${path.relative(cwd, f.file)}:${f.line} ${f.message}`);

/** Sets a file's last change back, as an edit made a while ago (a kept file must be older than 2 s). */
const edit = (file: string, text: string, ago = 10_000) => {
  writeFileSync(file, text);
  const then = new Date(Date.now() - ago);
  utimesSync(file, then, then);
};

describe('WarmProject (check --watch)', () => {
  it('keeps one project while only definitions change, and finds what a fresh check finds', async () => {
    const dir = project();
    const warm = new WarmProject();
    const a = path.join(dir, 'definitions/a.ts');
    writeFileSync(path.join(dir, 'shared/severity.ts'), "export type Severity = 'low' | 'high';\n");
    edit(path.join(dir, 'shared/severity.ts'), "export type Severity = 'low' | 'high';\n");
    expect(await typeErrors(dir, warm)).toEqual([]);
    edit(a, "import type { Severity } from '../shared/severity.js';\nconst severity: Severity = 'medium';\nexport default { id: 'a', severity };\n");
    const broken = await typeErrors(dir, warm);
    expect(broken).toEqual(await typeErrors(dir));
    expect(broken).toHaveLength(1);
    edit(a, "import type { Severity } from '../shared/severity.js';\nconst severity: Severity = 'high';\nexport default { id: 'a', severity };\n");
    expect(await typeErrors(dir, warm)).toEqual([]);
    expect(warm.projectsCreated).toBe(1);
  }, 120_000);

  it('makes a new project when a module parsed through an import changed, never checking against the old one', async () => {
    const dir = project();
    const warm = new WarmProject();
    edit(path.join(dir, 'shared/severity.ts'), "export type Severity = 'low' | 'high';\n");
    expect(await typeErrors(dir, warm)).toEqual([]);
    edit(path.join(dir, 'shared/severity.ts'), "export type Severity = 'high';\n", 5_000);
    const after = await typeErrors(dir, warm);
    expect(after).toEqual(await typeErrors(dir));
    expect(after).toEqual([expect.stringMatching(/^definitions\/a\.ts:2 /)]);
    expect(warm.projectsCreated).toBe(2);
  }, 120_000);

  it('does not keep what was parsed from a file changed within 2 s of the run (it may change again unseen)', async () => {
    const dir = project();
    const warm = new WarmProject();
    writeFileSync(path.join(dir, 'shared/severity.ts'), "export type Severity = 'low' | 'high';\n");
    await typeErrors(dir, warm);
    await typeErrors(dir, warm);
    expect(warm.projectsCreated).toBe(2);
  }, 120_000);

  it('is primed by a run the cache answers whole, so that the first edit finds the declarations parsed', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'node_modules'));
    edit(path.join(dir, 'shared/severity.ts'), "export type Severity = 'low' | 'high';\n");
    const cached = (warm?: WarmProject) => checkProject({ cwd: dir, config: configSchema.parse({}), ...(warm ? { warm } : {}) });
    await cached();
    const warm = new WarmProject();
    const answered = await cached(warm);
    expect(answered.typeCheckedHere).toBe(false);
    expect(warm.holdsProject).toBe(true);
    const a = path.join(dir, 'definitions/a.ts');
    edit(a, "import type { Severity } from '../shared/severity.js';\nconst severity: Severity = 'medium';\nexport default { id: 'a', severity };\n");
    const after = await cached(warm);
    expect(warm.projectsCreated).toBe(1);
    expect(after.findings).toEqual((await checkProject({ cwd: dir, config: configSchema.parse({}), cache: false })).findings);
  }, 120_000);

  it('makes a new project when the tsconfig changes', async () => {
    const dir = project();
    const warm = new WarmProject();
    edit(path.join(dir, 'shared/severity.ts'), "export type Severity = 'low' | 'high';\n");
    const b = path.join(dir, 'definitions/b.ts');
    edit(b, "const unused = 1;\nexport default { id: 'b' };\n");
    expect(await typeErrors(dir, warm)).toEqual([]);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, noUnusedLocals: true, module: 'nodenext', moduleResolution: 'nodenext', types: [] }, include: ['definitions'] }));
    expect(await typeErrors(dir, warm)).toEqual([expect.stringMatching(/^definitions\/b\.ts:1 /)]);
    expect(warm.projectsCreated).toBe(2);
  }, 120_000);
});

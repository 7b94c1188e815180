import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTypeScriptModules, type ImportedModule } from '../../../src/commands/build/import-typescript.js';
import { tempProject } from './temp-project.js';

describe('importTypeScriptModules', () => {
  // More modules than one bundle holds: they are bundled in parts, each evaluated while the next is bundled.
  it('loads a thousand modules in order, each part handed on as soon as it is evaluated, failures kept to their own file', async () => {
    const count = 1000;
    const files: Record<string, string> = { 'shared/team.ts': "export const team: string = 'soc';\n" };
    for (let i = 0; i < count; i++) {
      const name = `definitions/d${String(i).padStart(4, '0')}.ts`;
      files[name] =
        i === 7 ? "throw new Error('broken at import');\n"
        : i === 650 ? 'export default { id: "d0650", \n'
        : `import { team } from '../shared/team.js';\nexport default { id: 'd${i}', team } as const;\n`;
    }
    const dir = tempProject(files);
    const paths = Object.keys(files).filter((f) => f.startsWith('definitions/')).map((f) => path.join(dir, f));
    const handed: ImportedModule[][] = [];
    const all = await importTypeScriptModules(paths, dir, (modules) => handed.push(modules));

    expect(handed.length).toBeGreaterThan(1);
    expect(handed.flat()).toEqual(all);
    expect(all.map((m) => m.file)).toEqual(paths);
    const byIndex = (i: number) => all[i]!;
    expect(byIndex(0)).toMatchObject({ ok: true, exports: { default: { id: 'd0', team: 'soc' } }, deps: [path.join(dir, 'shared/team.ts')] });
    expect(byIndex(7)).toMatchObject({ ok: false, message: expect.stringContaining('broken at import') });
    expect(byIndex(650)).toMatchObject({ ok: false, location: { line: expect.any(Number) } });
    expect(byIndex(999)).toMatchObject({ ok: true, exports: { default: { id: 'd999' } } });
    expect(all.filter((m) => !m.ok).length).toBe(2);
  }, 60_000);

  it('says which temporary folder it cannot load the definitions through, and what to do', async () => {
    const dir = tempProject({ 'definitions/a.ts': "export default { id: 'a' };\n" });
    const before = process.env.TMPDIR;
    process.env.TMPDIR = path.join(dir, 'no-such-folder');
    try {
      await expect(importTypeScriptModules([path.join(dir, 'definitions/a.ts')], dir)).rejects.toMatchObject({
        code: 'ALERTSMITH_TEMP_FOLDER',
        exitCode: 2,
        message: expect.stringMatching(/no-such-folder: .*ENOENT.*set TMPDIR to a folder you can write to/),
      });
    } finally {
      process.env.TMPDIR = before;
    }
  });
});

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/commands/build/run-build.js';
import { anyDefinition, captureStream, definitionSource, tempProject } from './temp-project.js';

async function build(cwd: string, extra: { cache?: boolean } = {}) {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await runBuild({ cwd, stdout, stderr, ...extra });
  return { code, out: stdout.text(), err: stderr.text() };
}

/** A project with node_modules/ (where the cache lives) and a definition that imports a shared module. */
function cachedProject(): string {
  const dir = tempProject({
    'shared/team.ts': "export const owner = 'soc-linux';\n",
    'definitions/a.ts': definitionSource(anyDefinition('a')),
    'definitions/b.ts': definitionSource(anyDefinition('b'))
      .replace("import { defineAlert } from 'alertsmith';", "import { defineAlert } from 'alertsmith';\nimport { owner } from '../shared/team.js';")
      .replace('"name": "Detection b"', '"name": `Detection b of ${owner}`'),
  });
  mkdirSync(path.join(dir, 'node_modules'));
  return dir;
}

const rule = (dir: string, id: string) => readFileSync(path.join(dir, 'generated', `${id}.yaml`), 'utf8');
const cacheFile = (dir: string) => path.join(dir, 'node_modules/.cache/alertsmith/build.json');

describe('build cache (node_modules/.cache/alertsmith)', () => {
  it('answers for unchanged definitions on the next build, with the same output', async () => {
    const dir = cachedProject();
    expect((await build(dir)).out).toMatch(/2 written, 0 unchanged, 0 removed \(/);
    const first = [rule(dir, 'a'), rule(dir, 'b')];
    const again = await build(dir);
    expect(again.out).toMatch(/0 written, 2 unchanged, 0 removed, 2 from cache \(/);
    expect([rule(dir, 'a'), rule(dir, 'b')]).toEqual(first);
  });

  it('writes the same XSOAR content from cached definitions as from fresh ones', async () => {
    const dir = cachedProject();
    await build(dir);
    const contentDir = path.join(dir, 'generated/xsoar');
    const files = (): Record<string, string> => Object.fromEntries(
      readdirSync(contentDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .map((e) => [path.relative(contentDir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
    );
    const fresh = files();
    expect(Object.keys(fresh).length).toBeGreaterThan(0);
    rmSync(contentDir, { recursive: true });
    const again = await build(dir);
    expect(again.out).toMatch(/2 from cache/);
    expect(files()).toEqual(fresh);
  });

  it('builds again a definition whose imported module changed', async () => {
    const dir = cachedProject();
    await build(dir);
    writeFileSync(path.join(dir, 'shared/team.ts'), "export const owner = 'soc-windows';\n");
    const again = await build(dir);
    expect(again.out).toMatch(/1 written, 1 unchanged, 0 removed, 1 from cache \(/);
    expect(rule(dir, 'b')).toContain('name: "Detection b of soc-windows"');
  });

  it('builds everything again when the config changes', async () => {
    const dir = cachedProject();
    await build(dir);
    writeFileSync(path.join(dir, 'alertsmith.config.ts'), "export default { defaults: { realert: '7m' } };\n");
    const again = await build(dir);
    expect(again.out).toMatch(/2 written, 0 unchanged, 0 removed \(/);
    expect(rule(dir, 'a')).toContain('realert:\n  minutes: 7');
  });

  it('reports an error again from the cache, and a duplicate id made by another file', async () => {
    const dir = cachedProject();
    writeFileSync(path.join(dir, 'definitions/c.ts'), definitionSource(anyDefinition('c', { query: 'host.name:(a' })));
    const first = await build(dir);
    expect(first.code).toBe(1);
    const again = await build(dir);
    expect(again.err).toBe(first.err);
    writeFileSync(path.join(dir, 'definitions/c.ts'), definitionSource(anyDefinition('c')));
    writeFileSync(path.join(dir, 'definitions/d.ts'), definitionSource(anyDefinition('a')).replace('"id": "a"', '"id": "b"'));
    const third = await build(dir);
    expect(third.code).toBe(1);
    expect(third.err).toMatch(/definitions\/d.ts:\d+:\d+: the id "b" is already used by definitions\/b.ts \[unique-id\]/);
  });

  it('ignores a corrupt cache file and a malformed entry, and builds the same rules', async () => {
    const dir = cachedProject();
    await build(dir);
    const expected = [rule(dir, 'a'), rule(dir, 'b')];
    writeFileSync(cacheFile(dir), '{"format":1,"entries":{');
    expect((await build(dir)).out).toMatch(/0 written, 2 unchanged, 0 removed \(/);
    const stored = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
    const a = path.join(dir, 'definitions/a.ts');
    stored.entries[a].value = { id: 'a', findings: 'none', rule: 42 };
    writeFileSync(cacheFile(dir), JSON.stringify(stored));
    expect((await build(dir)).out).toMatch(/0 written, 2 unchanged, 0 removed, 1 from cache \(/);
    expect([rule(dir, 'a'), rule(dir, 'b')]).toEqual(expected);
  });

  it('with cache: false neither reads nor writes the cache', async () => {
    const dir = cachedProject();
    await build(dir);
    expect((await build(dir, { cache: false })).out).toMatch(/0 written, 2 unchanged, 0 removed \(/);
  });
});

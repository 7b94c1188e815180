// `alertsmith check`, `build` and `test` from dist/ with their work in worker threads (worker
// modules exist only as JavaScript): the same output as when the main thread does it all.
import { execa } from 'execa';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../commands/build/temp-project.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'bin/alertsmith.js');

function definition(i: number, label = 'host.name', extra = ''): string {
  return `import { defineAlert } from 'alertsmith';
${extra}
export default defineAlert({
  id: 'd${i}', name: 'Detection ${i}', description: 'A detection.', index: 'logs-*', type: 'any',
  query: 'event.code:${4600 + i}',
  xsoar: { type: 'T', severity: 'low', name: 'On {{host.name}}', labels: ['${label}'] },
});
`;
}

describe('worker threads', () => {
  it('check reports what the main thread alone reports, type errors and lint findings alike', async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, types: [] }, include: ['definitions'] }),
    };
    for (let i = 0; i < 12; i++) {
      files[`definitions/d${i}.ts`] =
        i === 2 ? definition(i, 'host.nmae')
        : i === 9 ? definition(i, 'host.name', "const count: number = 'many';")
        : definition(i);
    }
    const dir = tempProject(files);
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(REPO, path.join(dir, 'node_modules', 'alertsmith'), 'dir');
    writeFileSync(path.join(dir, 'definitions/d11.ts'), definition(11).replace("severity: 'low'", "severity: 'hihg'"));

    const check = (workers: string) =>
      execa(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json'], { cwd: dir, reject: false, env: { ALERTSMITH_WORKERS: workers } });
    const alone = await check('0');
    const threaded = await check('3');
    expect(alone.exitCode).toBe(1);
    expect(threaded.exitCode).toBe(1);
    expect(threaded.stdout).toBe(alone.stdout);
    const findings = (JSON.parse(alone.stdout) as { findings: { file: string; ruleId: string }[] }).findings;
    expect(findings.map((f) => `${f.file} ${f.ruleId}`).sort()).toEqual([
      'definitions/d11.ts definition-schema',
      'definitions/d2.ts unknown-field',
      'definitions/d9.ts typescript',
    ]);
  }, 180_000);

  /** A project of `count` definitions with test cases; `broken` ones fail their checks, two share an id. */
  function testedProject(count: number): string {
    const files: Record<string, string> = { 'package.json': JSON.stringify({ type: 'module' }) };
    for (let i = 0; i < count; i++) {
      const id = i === 41 ? 'd3' : `d${i}`;
      const severity = i === 7 ? 'hihg' : 'low';
      files[`definitions/${i < count / 2 ? 'a' : 'b'}/d${i}.ts`] = `import { defineAlert } from 'alertsmith';
export default defineAlert({
  id: '${id}', name: 'Detection ${i}', description: 'A detection.', index: 'logs-*', type: 'any',
  query: 'event.code:${4600 + (i % 50)}',
  xsoar: { type: 'T', severity: '${severity}', name: 'On {{host.name}}', labels: ['host.name'] },
  tests: [{ name: 'fires', events: [{ '@timestamp': '2026-01-05T10:00:00Z', event: { code: '${4600 + (i % 50)}' }, host: { name: 'h${i}' } }], expect: { alerts: ${i === 30 ? 2 : 1}, incident: { name: 'On h${i}' } } }],
} as any);
`;
    }
    const dir = tempProject(files);
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(REPO, path.join(dir, 'node_modules', 'alertsmith'), 'dir');
    return dir;
  }

  it('build writes what the main thread alone writes, and refuses the same definitions', async () => {
    const dir = testedProject(60);
    const build = (workers: string, out: string) =>
      execa(process.execPath, [CLI, 'build', '--no-cache', '--out', out], { cwd: dir, reject: false, env: { ALERTSMITH_WORKERS: workers } });
    const alone = await build('0', 'alone');
    const threaded = await build('2', 'threaded');
    expect(alone.exitCode).toBe(1);
    expect(threaded.exitCode).toBe(1);
    expect(threaded.stderr).toBe(alone.stderr);
    expect(alone.stderr).toMatch(/d7\.ts.*severity/);
    expect(alone.stderr).toMatch(/id "d3" is already used/);
    // Without the broken ones, both write the same rules.
    rmSync(path.join(dir, 'definitions/a/d7.ts'));
    rmSync(path.join(dir, 'definitions/b/d41.ts'));
    expect((await build('0', 'alone')).exitCode).toBe(0);
    expect((await build('2', 'threaded')).exitCode).toBe(0);
    const names = readdirSync(path.join(dir, 'alone')).filter((f) => f.endsWith('.yaml')).sort();
    expect(names).toHaveLength(58);
    expect(readdirSync(path.join(dir, 'threaded')).filter((f) => f.endsWith('.yaml')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(path.join(dir, 'threaded', name), 'utf8')).toBe(readFileSync(path.join(dir, 'alone', name), 'utf8'));
  }, 180_000);

  it('test reports what the main thread alone reports, and the cache it fills answers the same', async () => {
    const dir = testedProject(60);
    const test = (workers: string, cache = '--no-cache') =>
      execa(process.execPath, [CLI, 'test', '--format', 'json', ...(cache ? [cache] : [])], { cwd: dir, reject: false, env: { ALERTSMITH_WORKERS: workers } });
    const alone = await test('0');
    const threaded = await test('2');
    expect(alone.exitCode).toBe(1);
    expect(threaded.stdout).toBe(alone.stdout);
    const report = JSON.parse(alone.stdout) as { detections: { file: string; problems: string[]; cases: { passed: boolean }[] }[] };
    const failing = report.detections.filter((d) => d.problems.length > 0 || d.cases.some((c) => !c.passed)).map((d) => d.file).sort();
    expect(failing).toEqual(['definitions/a/d7.ts', 'definitions/b/d30.ts', 'definitions/b/d41.ts']);
    expect((await test('2', '')).stdout).toBe(alone.stdout);
    expect((await test('0', '')).stdout).toBe(alone.stdout);
  }, 180_000);
});

// `alertsmith check` from dist/ with its type checking in worker threads (the worker module
// exists only as JavaScript): the same findings as when the main thread type-checks alone.
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

/** Twelve definitions, three with problems: a misspelled label, a type error, an unknown severity. */
function project(): string {
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
  return dir;
}

describe('worker threads', () => {
  it('check reports what the main thread alone reports, type errors and lint findings alike', async () => {
    const dir = project();
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

  it('check writes the code cache of TypeScript from its workers and its main thread, and reports the same with it', async () => {
    const dir = project();
    const v8 = path.join(dir, 'node_modules/.cache/alertsmith/v8');
    const check = (args: string[], workers: string) =>
      execa(process.execPath, [CLI, 'check', '--format', 'json', ...args], { cwd: dir, reject: false, env: { ALERTSMITH_WORKERS: workers } });
    const fresh = await check(['--no-cache'], '0');
    expect(() => readdirSync(v8)).toThrow();
    for (const workers of ['2', '0']) {
      rmSync(path.join(dir, 'node_modules/.cache'), { recursive: true, force: true });
      const first = await check([], workers);
      // Written after type checking (level 2), by the workers or by the main thread: typescript.js, @ts-morph/common, ts-morph.
      const written = readdirSync(v8).filter((f) => f.endsWith('.v8'));
      expect(written, workers).toHaveLength(3);
      for (const file of written) expect(readFileSync(path.join(v8, file))[0], `${workers} ${file}`).toBe(2);
      rmSync(path.join(dir, 'node_modules/.cache/alertsmith/check.json'));
      const again = await check([], workers);
      expect([first.stdout, again.stdout], workers).toEqual([fresh.stdout, fresh.stdout]);
    }
  }, 180_000);
});

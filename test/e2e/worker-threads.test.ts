// `alertsmith check` from dist/ with its type checking in worker threads (the worker module
// exists only as JavaScript): the same findings as when the main thread type-checks alone.
import { execa } from 'execa';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
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
});

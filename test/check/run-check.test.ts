import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { FIXTURES } from './fixture-helpers.js';

function capture() {
  let text = '';
  return { write: (s: string) => void (text += s), text: () => text };
}

describe('runCheck', () => {
  it('exits 1 on error-level findings and prints them in the chosen format', async () => {
    const out = capture();
    const before = readdirSync(FIXTURES + 'realert-flood');
    const code = await runCheck({ cwd: FIXTURES + 'unknown-field', paths: ['typos.ts'], format: 'json', write: out.write, env: {} });
    expect(code).toBe(1);
    const report = JSON.parse(out.text());
    expect(report.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'unknown-field' && f.file === 'typos.ts')).toBe(true);
    expect(readdirSync(FIXTURES + 'realert-flood')).toEqual(before);
  });

  it('exits 0 when only warnings remain, with the definitions folder of the config', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-check-'));
    try {
      // The config names a definitions folder; check finds the definition through it.
      const definitions = path.join(dir, 'detections');
      writeFileSync(path.join(dir, 'alertsmith.config.ts'), "export default { definitions: 'detections', check: { rules: { 'index-pattern': 'warning' } } };\n");
      await import('node:fs/promises').then((fs) => fs.mkdir(definitions));
      const definition =
        "export default defineAlert({ id: 'star', name: 'n', description: 'd', index: '*', type: 'any', query_key: 'host.name', xsoar: { type: 't', severity: 'low' } });";
      writeFileSync(
        path.join(definitions, 'star.ts'),
        `import { defineAlert } from ${JSON.stringify(path.resolve('src/index.js'))};\n${definition}\n`,
      );
      const star = definition.indexOf("'*'") + 2;
      const out = capture();
      const code = await runCheck({ cwd: dir, format: 'github', write: out.write, env: {} });
      expect(out.text()).toBe(
        `::warning file=detections/star.ts,line=2,col=${star},endLine=2,endColumn=${star + 1},title=alertsmith index-pattern::the index pattern "*" searches every index, system indices included: slow, and matches data the detection was not written for%0Afix: name the indices the detection is about, e.g. 'logs-system.auth-*'\n`,
      );
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unknown format with a usage error (exit 2)', async () => {
    await expect(runCheck({ cwd: FIXTURES, format: 'xml', env: {} })).rejects.toMatchObject({ code: 'ALERTSMITH_CHECK_FORMAT', exitCode: 2 });
  });

  it('refuses a path that does not exist with a usage error (exit 2)', async () => {
    await expect(runCheck({ cwd: FIXTURES, paths: ['nope.ts'], env: {} })).rejects.toMatchObject({
      code: 'ALERTSMITH_CHECK_PATH_MISSING',
      exitCode: 2,
      message: 'nope.ts does not exist: pass definition files or folders',
    });
  });
});


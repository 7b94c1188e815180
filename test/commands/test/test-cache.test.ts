import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTest, type TestOptions } from '../../../src/commands/test/run-test.js';
import { captureStream } from '../build/temp-project.js';

const fixtureProject = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

/** A copy of the fixture project with node_modules/, where the cache lives. */
function cachedProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-test-cache-'));
  cpSync(fixtureProject, dir, { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  return dir;
}


async function run(cwd: string, opts: Partial<TestOptions> = {}) {
  const out = captureStream();
  const err = captureStream();
  const code = await runTest({ cwd, stdout: out, stderr: err, paths: ['definitions/ssh-failures.ts'], ...opts });
  return { code, out: out.text(), err: err.text() };
}

const cacheFile = (dir: string) => path.join(dir, 'node_modules/.cache/alertsmith/test.json');

/** Renames the first case in the stored result: a report that shows the new name came from the cache. */
function markCachedResult(dir: string): void {
  const stored = JSON.parse(readFileSync(cacheFile(dir), 'utf8'));
  const entry = stored.entries[path.join(dir, 'definitions/ssh-failures.ts')];
  entry.value.result.cases[0].name = 'ANSWERED BY THE CACHE';
  writeFileSync(cacheFile(dir), JSON.stringify(stored));
}

describe('test cache (node_modules/.cache/alertsmith)', () => {
  it('gives the same report from the cache as from a fresh run, in every format', async () => {
    const dir = cachedProject();
    for (const format of ['pretty', 'json', 'junit'] as const) {
      const fresh = await run(dir, { format, cache: false });
      await run(dir, { format });
      const cached = await run(dir, { format });
      expect(cached).toEqual(fresh);
    }
  });

  it('answers from the cache while nothing changed, and runs again when a fixture file changes', async () => {
    const dir = cachedProject();
    await run(dir);
    markCachedResult(dir);
    expect((await run(dir)).out).toContain('ANSWERED BY THE CACHE');
    // The spread-out events, all from one address now: the quiet case fires.
    const fixture = path.join(dir, 'definitions/fixtures/spread.ndjson');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').replace(/10\.0\.0\.\d+/g, '10.0.0.9'));
    const after = await run(dir);
    expect(after.out).not.toContain('ANSWERED BY THE CACHE');
    expect(after.out).toContain('✗ failures spread over addresses stay quiet');
  });

  it('runs again when the definition or the config changes', async () => {
    const dir = cachedProject();
    await run(dir);
    markCachedResult(dir);
    writeFileSync(path.join(dir, 'alertsmith.config.ts'), "export default { elastalert: '0.2' };\n");
    expect((await run(dir)).out).not.toContain('ANSWERED BY THE CACHE');
    markCachedResult(dir);
    const file = path.join(dir, 'definitions/ssh-failures.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("severity: 'high',\n    name", "severity: 'high', // edited\n    name"));
    expect((await run(dir)).out).not.toContain('ANSWERED BY THE CACHE');
  });
});

// `alertsmith test --watch` as users run it: the CLI from dist/ in its own process, a saved file,
// the second report, and SIGTERM to stop it.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'bin/alertsmith.js');
const fixtureProject = path.join(REPO, 'test/commands/test/fixtures/project');

const count = (text: string, part: string) => text.split(part).length - 1;

describe('alertsmith test --watch (the CLI process)', () => {
  it('runs, runs again after a save, and exits with the last run\'s code on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-watch-cli-'));
    cpSync(fixtureProject, dir, { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(REPO, path.join(dir, 'node_modules', 'alertsmith'), 'dir');
    const child = spawn(process.execPath, [CLI, 'test', '--watch', 'definitions/ssh-failures.ts'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const waiters: { test: (t: string) => boolean; resolve: () => void }[] = [];
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      for (const w of [...waiters]) if (w.test(output)) waiters.splice(waiters.indexOf(w), 1), w.resolve();
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    // No clock: the test's own timeout is the only limit.
    const until = (test: (t: string) => boolean) => new Promise<void>((resolve) => (test(output) ? resolve() : waiters.push({ test, resolve })));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    await until((t) => t.includes('watching for changes'));
    expect(output).toContain('✓ failures spread over addresses stay quiet');
    const fixture = path.join(dir, 'definitions/fixtures/spread.ndjson');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').replace(/10\.0\.0\.\d+/g, '10.0.0.9'));
    await until((t) => count(t, 'watching for changes') === 2);
    expect(output).toContain('definitions/fixtures/spread.ndjson changed: running again');
    expect(output).toContain('✗ failures spread over addresses stay quiet');

    child.kill('SIGTERM');
    expect(await exited).toBe(1);
  }, 120_000);
});

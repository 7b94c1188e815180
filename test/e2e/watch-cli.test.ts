// `alertsmith test --watch` and `check --watch` as users run them: the CLI from dist/ in its own
// process, a saved file, the next report, and SIGTERM to stop it.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'bin/alertsmith.js');
const fixtureProject = path.join(REPO, 'test/commands/test/fixtures/project');

const count = (text: string, part: string) => text.split(part).length - 1;

/** A copy of the test fixture project with alertsmith installed, and the CLI watching it. */
function watching(args: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-watch-cli-'));
  cpSync(fixtureProject, dir, { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO, path.join(dir, 'node_modules', 'alertsmith'), 'dir');
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // A failed expectation must not leave the watch running.
  onTestFinished(() => void child.kill('SIGKILL'));
  let output = '';
  const waiters: { test: (t: string) => boolean; resolve: () => void }[] = [];
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of [...waiters]) if (w.test(output)) waiters.splice(waiters.indexOf(w), 1), w.resolve();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return {
    dir,
    child,
    output: () => output,
    // No clock: the test's own timeout is the only limit.
    until: (test: (t: string) => boolean) => new Promise<void>((resolve) => (test(output) ? resolve() : waiters.push({ test, resolve }))),
    exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

describe('alertsmith check --watch (the CLI process)', () => {
  it('reports a misspelled label after a save, and nothing once it is fixed', async () => {
    const { dir, child, output, until, exited } = watching(['check', '--watch', 'definitions/ssh-failures.ts']);
    await until((t) => t.includes('watching for changes'));
    expect(output()).toMatch(/no problems found/i);
    const definition = path.join(dir, 'definitions/ssh-failures.ts');
    const text = readFileSync(definition, 'utf8');
    writeFileSync(definition, text.replace("labels: ['source.ip']", "labels: ['source.ipp']"));
    await until((t) => count(t, 'watching for changes') === 2);
    expect(output().split('running again')[1]).toMatch(/ssh-failures\.ts:25:\d+.*source\.ipp/);
    writeFileSync(definition, text);
    await until((t) => count(t, 'watching for changes') === 3);
    expect(output().split('running again')[2]).toMatch(/no problems found/i);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});

describe('alertsmith test --watch (the CLI process)', () => {
  it('runs, runs again after a save, and exits with the last run\'s code on SIGTERM', async () => {
    const { dir, child, output, until, exited } = watching(['test', '--watch', 'definitions/ssh-failures.ts']);
    await until((t) => t.includes('watching for changes'));
    expect(output()).toContain('✓ failures spread over addresses stay quiet');
    const fixture = path.join(dir, 'definitions/fixtures/spread.ndjson');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').replace(/10\.0\.0\.\d+/g, '10.0.0.9'));
    await until((t) => count(t, 'watching for changes') === 2);
    expect(output()).toContain('definitions/fixtures/spread.ndjson changed: running again');
    expect(output()).toContain('✗ failures spread over addresses stay quiet');

    child.kill('SIGTERM');
    expect(await exited).toBe(1);
  }, 120_000);
});

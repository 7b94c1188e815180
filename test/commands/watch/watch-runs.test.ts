import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTest } from '../../../src/commands/test/run-test.js';
import { watchRuns } from '../../../src/commands/watch/watch-runs.js';

const fixtureProject = fileURLToPath(new URL('../test/fixtures/project/', import.meta.url));

/** Everything the watch and its runs wrote, and a way to wait until it says something. */
function transcript() {
  let text = '';
  const waiting: { test: (t: string) => boolean; resolve: () => void }[] = [];
  const write = (chunk: string) => {
    text += chunk;
    for (const w of [...waiting]) if (w.test(text)) waiting.splice(waiting.indexOf(w), 1), w.resolve();
  };
  return {
    write,
    stream: new Writable({ write: (chunk, _enc, done) => (write(String(chunk)), done()) }),
    text: () => text,
    /** Resolves once the transcript satisfies `test` (no clock: the test's own timeout is the limit). */
    until: (test: (t: string) => boolean) => new Promise<void>((resolve) => (test(text) ? resolve() : waiting.push({ test, resolve }))),
  };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('--watch', () => {
  it('runs the tests, runs again when a fixture the tests read is saved, and stops cleanly', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-watch-'));
    cpSync(fixtureProject, dir, { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    const log = transcript();
    const stop = new AbortController();
    const watching = watchRuns({
      root: dir,
      run: () => runTest({ cwd: dir, paths: ['definitions/ssh-failures.ts'], stdout: log.stream, stderr: log.stream }),
      write: log.write,
      signal: stop.signal,
    });
    await log.until((t) => t.includes('watching for changes'));
    expect(log.text()).toContain('✓ failures spread over addresses stay quiet');

    const fixture = path.join(dir, 'definitions/fixtures/spread.ndjson');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').replace(/10\.0\.0\.\d+/g, '10.0.0.9'));
    await log.until((t) => count(t, 'watching for changes') === 2);
    expect(log.text()).toContain('definitions/fixtures/spread.ndjson changed: running again');
    expect(log.text()).toContain('✗ failures spread over addresses stay quiet');

    stop.abort();
    expect(await watching).toBe(1);
  }, 120_000);
});

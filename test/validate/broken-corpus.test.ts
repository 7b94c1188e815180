import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/commands/build/run-build.js';
import { checkProject } from '../../src/check/check-project.js';
import type { Finding } from '../../src/check/finding.js';
import { formatFindings } from '../../src/check/run-check.js';
import { configSchema } from '../../src/define/schema/config.js';
import { runTest } from '../../src/commands/test/run-test.js';
import { captureStream } from '../commands/build/temp-project.js';

/**
 * One mistake users make per file. The controls: clean.ts, star-index-warning.ts (a warning
 * only) and team-a/same-id.ts (the first of two files with one id: the second is the mistake).
 */
const corpus = fileURLToPath(new URL('./fixtures/broken/', import.meta.url));
const definitionFiles = (readdirSync(path.join(corpus, 'definitions'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `definitions/${f.split(path.sep).join('/')}`)
  .sort();
const ACCEPTED = ['definitions/clean.ts', 'definitions/star-index-warning.ts', 'definitions/team-a/same-id.ts'];

/** The files a report names at the start of a line, as `file:line:col`. */
function filesNamed(text: string): string[] {
  return [...new Set([...text.matchAll(/^(?:  ✗ )?(definitions\/[^:\s]+\.ts):\d+:\d+/gm)].map((m) => m[1]!))].sort();
}

describe('the corpus of broken definitions', () => {
  let built: { code: number; err: string; wrote: boolean };
  let checked: Finding[];
  let tested: { code: number; out: string };

  beforeAll(async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'alertsmith-corpus-')), 'generated');
    const stderr = captureStream();
    const code = await runBuild({ cwd: corpus, out, stdout: captureStream(), stderr });
    built = { code, err: stderr.text(), wrote: existsSync(out) };
    ({ findings: checked } = await checkProject({ cwd: corpus, config: configSchema.parse({}) }));
    const stdout = captureStream();
    tested = { code: await runTest({ cwd: corpus, stdout, stderr: captureStream() }), out: stdout.text() };
  }, 180_000);

  const checkErrorFiles = () =>
    [...new Set(checked.filter((f) => f.level === 'error').map((f) => path.relative(corpus, f.file).split(path.sep).join('/')))].sort();

  it('holds the mistakes and the controls', () => {
    expect(definitionFiles.length).toBeGreaterThanOrEqual(25);
    for (const file of ACCEPTED) expect(definitionFiles).toContain(file);
  });

  it('build refuses exactly the files check reports errors for, and writes nothing', () => {
    expect(built.code).toBe(1);
    expect(built.wrote).toBe(false);
    expect(filesNamed(built.err)).toEqual(checkErrorFiles());
    expect(checkErrorFiles()).toEqual(definitionFiles.filter((f) => !ACCEPTED.includes(f)));
  });

  it('test fails exactly those files too, and runs the controls', () => {
    expect(tested.code).toBe(1);
    expect(filesNamed(tested.out)).toEqual(checkErrorFiles());
    expect(tested.out).toContain('PASS clean (definitions/clean.ts)');
    // A duplicate id fails test as it fails build: the second file, not the first.
    expect(tested.out).toContain('PASS same-id (definitions/team-a/same-id.ts)');
    expect(tested.out).toContain('FAIL same-id (definitions/team-b/same-id.ts)');
  });

  it('check reports one error per mistake: no TypeScript error repeating a check finding', () => {
    const perFile = new Map<string, Finding[]>();
    for (const f of checked.filter((x) => x.level === 'error')) perFile.set(f.file, [...(perFile.get(f.file) ?? []), f]);
    const repeated = [...perFile].filter(([, list]) => list.length !== 1).map(([file, list]) => [path.basename(file), list.map((f) => f.ruleId)]);
    expect(repeated).toEqual([]);
  });

  it('never shows raw zod or TypeScript type texts as a message', () => {
    const messages = checked.map((f) => f.message);
    for (const message of messages) {
      expect(message).not.toMatch(/Invalid (input|key in record|option)|is required \(|\(top level\)|is not assignable to type/);
    }
  });

  it('gives build, check and test the same messages, kept here for review', async () => {
    const checkText = await formatFindings(checked, 'pretty', corpus);
    expect(built.err).toMatchSnapshot('build');
    expect(checkText).toMatchSnapshot('check');
    expect(tested.out).toMatchSnapshot('test');
  });
});

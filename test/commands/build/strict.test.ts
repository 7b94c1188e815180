import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../../src/commands/build/run-build.js';
import { captureStream } from './temp-project.js';

/** Counts runs of the definition checks; each run still does the real work. */
const runs = vi.hoisted(() => ({ validate: 0 }));
vi.mock('../../../src/validate/validate-definition-files.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/validate/validate-definition-files.js')>();
  return {
    ...actual,
    validateDefinitionFiles: (...args: Parameters<typeof actual.validateDefinitionFiles>) => {
      runs.validate++;
      return actual.validateDefinitionFiles(...args);
    },
  };
});

const project = fileURLToPath(new URL('./fixtures/strict/', import.meta.url));

describe('alertsmith build --strict', () => {
  it('writes nothing when alertsmith check reports an error, and says which', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'alertsmith-strict-')), 'generated');
    const stderr = captureStream();
    const code = await runBuild({ cwd: project, out, strict: true, stdout: captureStream(), stderr });
    expect(code).toBe(1);
    expect(stderr.text()).toContain('(TS2322)');
    expect(stderr.text()).toMatch(/build --strict: alertsmith check reports \d+ errors?; nothing was written/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('runs the definition checks once: check takes their results from build', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'alertsmith-strict-')), 'generated');
    runs.validate = 0;
    await runBuild({ cwd: project, out, strict: true, stdout: captureStream(), stderr: captureStream() });
    expect(runs.validate).toBe(1);
  }, 120_000);

  it('without --strict, the same definition builds: type errors only check reports are advice unless asked', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'alertsmith-strict-')), 'generated');
    const code = await runBuild({ cwd: project, out, stdout: captureStream(), stderr: captureStream() });
    expect(code).toBe(0);
    expect(existsSync(path.join(out, 'type-error.yaml'))).toBe(true);
  });
});

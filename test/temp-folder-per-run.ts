import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * vitest global setup: every temporary folder a test run makes (the tests' own, ElastAlert's,
 * Chromium's profiles, the CLI's children's) goes into one folder per run, removed when the run
 * ends, so that runs do not pile up thousands of folders in /tmp on a CI host or a laptop.
 * The test processes and their children inherit TMPDIR, which os.tmpdir() and Python read.
 * ALERTSMITH_KEEP_TEST_TMP=1 keeps the folder to look into after a failure. It also turns the
 * project server off (ALERTSMITH_SERVER=0) for every test process and its children.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  // No test leaves a project server running: the tests of the server itself turn it on for their runs.
  process.env.ALERTSMITH_SERVER = '0';
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (process.env.ALERTSMITH_KEEP_TEST_TMP === '1') process.stderr.write(`test temporary files kept in ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  };
}

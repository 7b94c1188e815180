import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { E2E_REQUIRED, REPO_ROOT } from '../elastalert-lines.js';

/** What scripts/install-report-tools.sh installs. */
export const CHROMIUM = '/usr/bin/chromium';
const venv = process.env.ALERTSMITH_REPORT_TOOLS_VENV ?? path.join(REPO_ROOT, '.cache/report-tools');
export const LAYER_PYTHON = path.join(venv, 'bin/python');

/**
 * Whether a tool's tests run: a missing tool fails the run when ALERTSMITH_E2E_REQUIRED=1 (CI),
 * and is skipped with a visible message otherwise.
 */
export function toolIsUsable(tool: string, file: string): boolean {
  if (existsSync(file)) return true;
  const why = `${tool} is not installed (${file} missing)`;
  if (E2E_REQUIRED) throw new Error(`${why}; ALERTSMITH_E2E_REQUIRED=1, so this fails: run scripts/install-report-tools.sh`);
  process.stderr.write(`\nSKIPPING report tests that need ${tool}: ${why} (run scripts/install-report-tools.sh)\n`);
  return false;
}

/** Runs the built CLI's `alertsmith report` on the example detections into a fresh folder. */
export async function reportOnExamples(args: string[] = []): Promise<string> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-report-e2e-'));
  await execa(process.execPath, [path.join(REPO_ROOT, 'bin/alertsmith.js'), 'report', '--out', out, ...args], { cwd: REPO_ROOT });
  return out;
}

/** Headless Chromium with a throwaway profile; `args` name what to do with the page. */
export async function chromium(args: string[]): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-chromium-'));
  const result = await execa(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`, ...args], { reject: false });
  if (result.exitCode !== 0) throw new Error(`chromium exited ${result.exitCode}: ${result.stderr}`);
  return result.stdout;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS = path.join(REPO_ROOT, 'test/e2e/harness/elastalert_harness.py');
export const RUNTIME_BUNDLE = path.join(REPO_ROOT, 'dist/alertsmith-incident.mjs');

/** One real ElastAlert line, as scripts/install-elastalert.sh installs it. */
export interface ElastAlertLine {
  /** Shown in test names. */
  label: string;
  /** Python that imports this line's `elastalert` package. */
  python: string;
  /** ElastAlert 2 only: its `elastalert-test-rule`, which runs rules on data files for real. */
  testRule?: string;
  /** Why the line cannot run here, or undefined when it can. */
  missing: string | undefined;
}

const venv = process.env.ALERTSMITH_ELASTALERT2_VENV ?? path.join(REPO_ROOT, '.cache/elastalert2');
const yelpPython = '/usr/bin/python3';
const yelpPackage = '/usr/lib/python3/dist-packages/elastalert/alerts.py';

export const ELASTALERT_LINES: ElastAlertLine[] = [
  {
    label: 'Yelp ElastAlert 0.2.4',
    python: yelpPython,
    missing: existsSync(yelpPackage) ? undefined : `Debian package elastalert is not installed (${yelpPackage} missing)`,
  },
  {
    label: 'ElastAlert 2.31.0',
    python: path.join(venv, 'bin/python'),
    testRule: path.join(venv, 'bin/elastalert-test-rule'),
    missing: existsSync(path.join(venv, 'bin/elastalert-test-rule')) ? undefined : `no ElastAlert 2 virtual environment at ${venv}`,
  },
];

/** Set to 1 where ElastAlert must be present (CI): a missing line then fails instead of skipping. */
export const E2E_REQUIRED = process.env.ALERTSMITH_E2E_REQUIRED === '1';

/** Fails (never skips) when the bundled runtime is missing: `npm install` builds it. */
export function requireRuntimeBundle(): void {
  if (!existsSync(RUNTIME_BUNDLE)) {
    throw new Error(`${RUNTIME_BUNDLE} is missing: run \`npm run build:dist\` before the end-to-end tests`);
  }
}

/**
 * Whether a line's tests run. A missing line fails the run when ALERTSMITH_E2E_REQUIRED=1 and is
 * skipped with a visible message otherwise.
 */
export function lineIsUsable(line: ElastAlertLine): boolean {
  if (line.missing === undefined) return true;
  if (E2E_REQUIRED) {
    throw new Error(`${line.label}: ${line.missing}; ALERTSMITH_E2E_REQUIRED=1, so this fails: run scripts/install-elastalert.sh`);
  }
  process.stderr.write(`\nSKIPPING end-to-end tests on ${line.label}: ${line.missing} (run scripts/install-elastalert.sh)\n`);
  return false;
}

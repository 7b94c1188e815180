import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'harness/fidelity_harness.py');

/** One case as the Python harness reads it (see its docstring). */
export interface HarnessCase {
  id: string;
  rule_yaml: string;
  /** `_index` of events without one (the simulation's default too). */
  index: string;
  timestamp_field: string;
  events: Record<string, unknown>[];
  history: Record<string, unknown>[];
  load_at: string;
  run_ends: string[];
  flush_at: string;
}

export interface HarnessResult {
  id: string;
  alerts?: { at: string; matches: Record<string, unknown>[] }[];
  disabled?: boolean;
  uncaught?: string | null;
  load_error?: string | null;
  /** The harness itself failed on this case (a defect of the harness, never of ElastAlert). */
  harness_error?: string;
  trace?: string;
}

/** Runs every case through one ElastAlert line in a single Python process. */
export function runElastAlertBatch(python: string, cases: HarnessCase[]): Promise<HarnessResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [HARNESS], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter((l) => l.trim() !== '');
      if (code !== 0 || lines.length !== cases.length) {
        const tail = Buffer.concat(err).toString('utf8').split('\n').slice(-30).join('\n');
        reject(new Error(`${python} ${HARNESS} exited with ${code} after ${lines.length} of ${cases.length} cases:\n${tail}`));
        return;
      }
      resolve(lines.map((l) => JSON.parse(l) as HarnessResult));
    });
    child.stdin.end(cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  });
}

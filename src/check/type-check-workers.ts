import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AlertsmithError } from '../errors.js';
import type { TypeCheckResult, TypeCheckShareInput } from './type-check-share.js';

/**
 * Definitions one type-checking worker must have to be worth its start: each worker loads
 * TypeScript and parses the shared declarations (alertsmith's field types, the lib files) again,
 * ~1 s of CPU, against ~9 ms to type-check one definition.
 */
const FILES_PER_WORKER = 150;

/** The worker's module; it exists only as JavaScript (dist/), so tests of src/ check in-process. */
const WORKER = fileURLToPath(new URL('./type-check-worker.js', import.meta.url));

/**
 * How many worker threads type-check `files` definitions here: `workerCount` with this
 * machine's cores and `ALERTSMITH_CHECK_WORKERS`; 0 when running from src/ (no worker module).
 */
export function typeCheckWorkerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  return existsSync(WORKER) ? workerCount(files, os.availableParallelism(), env.ALERTSMITH_CHECK_WORKERS) : 0;
}

/**
 * One worker per core, each with at least FILES_PER_WORKER files, or 0 (type-check in the main
 * thread) when that makes fewer than 2. `asked` (ALERTSMITH_CHECK_WORKERS) sets the number; 0: none.
 */
export function workerCount(files: number, cores: number, asked?: string): number {
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 0) throw new AlertsmithError('ALERTSMITH_USAGE', `ALERTSMITH_CHECK_WORKERS is a whole number of worker threads (0: none); got "${asked}"`);
    return Math.min(n, files);
  }
  const n = Math.min(cores, Math.floor(files / FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

/**
 * Type-checks `input.files` in `workers` threads, each over a contiguous share of them (files of
 * one folder tend to import the same modules) in a program of its own, while the caller goes on
 * with the definitions' other checks. TypeScript is single-threaded: on 2 cores this is what
 * lets `check` take less time than `tsc --noEmit` over the same files.
 */
export async function typeCheckInWorkers(input: TypeCheckShareInput, workers: number): Promise<TypeCheckResult> {
  const size = Math.ceil(input.files.length / workers);
  const shares: string[][] = [];
  for (let i = 0; i < input.files.length; i += size) shares.push(input.files.slice(i, i + size));
  const results = await Promise.all(
    shares.map((share) => {
      const mine = new Set(share);
      const leaveOut = [...input.leaveOut, ...input.files.filter((f) => !mine.has(f))];
      return runWorker({ ...input, files: share, leaveOut });
    }),
  );
  return {
    findings: results.flatMap((r) => r.findings),
    programFiles: [...new Set(results.flatMap((r) => r.programFiles))],
    importsOf: Object.assign({}, ...results.map((r) => r.importsOf)) as Record<string, string[]>,
  };
}

function runWorker(input: TypeCheckShareInput): Promise<TypeCheckResult> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(WORKER);
    let settled = false;
    worker.once('message', (reply: { ok: true; result: TypeCheckResult } | { ok: false; message: string }) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolvePromise(reply.result);
      else reject(new Error(`a type-checking worker failed: ${reply.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`a type-checking worker stopped (exit code ${code}) before it answered`));
    });
    worker.postMessage(input);
  });
}

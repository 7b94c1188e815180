import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AlertsmithError } from '../errors.js';

/**
 * A worker module's file, when it exists as JavaScript (dist/): Node runs no TypeScript in a
 * worker, so from src/ (this project's unit tests) the work stays on the main thread.
 */
export function workerModule(url: URL): string | undefined {
  const file = fileURLToPath(url);
  return file.endsWith('.js') && existsSync(file) ? file : undefined;
}

/**
 * How many worker threads share `items` pieces of work: one per core but one (the main thread
 * has its own work meanwhile, and esbuild its process), each with at least `perWorker` of them
 * (a worker pays for loading alertsmith and its own esbuild or TypeScript), or 0 (all on the main
 * thread) when that makes fewer than 2. So none on 2 cores, where two workers add 25-35% CPU
 * (each parses and checks the shared declarations again) for no wall time that shows through
 * the machine's noise (docs/cache.md). `ALERTSMITH_WORKERS` sets the number (0: none), never more
 * than the items.
 */
export function workerCount(items: number, perWorker: number, env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): number {
  const asked = env.ALERTSMITH_WORKERS;
  if (asked !== undefined && asked !== '') {
    const n = Number(asked);
    if (!Number.isInteger(n) || n < 0) throw new AlertsmithError('ALERTSMITH_USAGE', `ALERTSMITH_WORKERS is a whole number of worker threads (0: none); got "${asked}"`);
    return Math.min(n, items);
  }
  const n = Math.min(cores - 1, Math.floor(items / perWorker));
  return n >= 2 ? n : 0;
}

/** `items` in `n` contiguous shares of nearly equal size (files of one folder tend to share imports). */
export function shares<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, n));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs a worker module on one input: it answers one message `{ ok, result }` or `{ ok: false, message }`. */
export function runWorker<I, O>(module: string, input: I): Promise<O> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module);
    let settled = false;
    worker.once('message', (reply: { ok: true; result: O } | { ok: false; message: string }) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`a worker thread failed: ${reply.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`a worker thread stopped (exit code ${code}) before it answered`));
    });
    worker.postMessage(input);
  });
}

/** The worker side of `runWorker`: answers the one message with `work`'s result, or why it failed. */
export function answerInWorker<I, O>(port: import('node:worker_threads').MessagePort, work: (input: I) => O | Promise<O>): void {
  port.once('message', async (input: I) => {
    try {
      port.postMessage({ ok: true, result: await work(input) });
    } catch (thrown) {
      port.postMessage({ ok: false, message: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) });
    }
  });
}

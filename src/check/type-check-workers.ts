import { runWorker, shares, workerCount, workerModule } from '../workers/worker-threads.js';
import type { TypeCheckResult, TypeCheckShareInput } from './type-check-share.js';

/**
 * Definitions one type-checking worker must have to be worth its start: each worker loads
 * TypeScript and parses the shared declarations (alertsmith's field types, the lib files) again,
 * ~1 s of CPU, against ~9 ms to type-check one definition.
 */
const FILES_PER_WORKER = 150;

const WORKER = workerModule(new URL('./type-check-worker.js', import.meta.url));

/** How many worker threads type-check `files` definitions (0: the main thread does). */
export function typeCheckWorkerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  return WORKER ? workerCount(files, FILES_PER_WORKER, env) : 0;
}

/**
 * Type-checks `input.files` in `workers` threads, each over a share of them in a program of its
 * own, while the caller goes on with the definitions' other checks. TypeScript is
 * single-threaded: on 2 cores this took `check` of 1,000 definitions from 13.6 s to 12.1 s, for
 * 2.3 s more CPU (each worker parses and checks the shared declarations again).
 */
export async function typeCheckInWorkers(input: TypeCheckShareInput, workers: number): Promise<TypeCheckResult> {
  const results = await Promise.all(
    shares(input.files, workers).map((share) => {
      const mine = new Set(share);
      const leaveOut = [...input.leaveOut, ...input.files.filter((f) => !mine.has(f))];
      return runWorker<TypeCheckShareInput, TypeCheckResult>(WORKER!, { ...input, files: share, leaveOut });
    }),
  );
  return {
    findings: results.flatMap((r) => r.findings),
    programFiles: [...new Set(results.flatMap((r) => r.programFiles))],
    importsOf: Object.assign({}, ...results.map((r) => r.importsOf)) as Record<string, string[]>,
  };
}

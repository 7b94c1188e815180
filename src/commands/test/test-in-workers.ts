import type { ResolvedConfig } from '../../define/schema/config.js';
import { relativePath } from '../../check/display-path.js';
import { validateDefinitionFiles, type KnownDefinition } from '../../validate/validate-definition-files.js';
import { runWorker, shares, workerCount, workerModule } from '../../workers/worker-threads.js';
import type { DetectionResult } from './case-result.js';
import { testDefinitionFile } from './test-definition-file.js';

/** What the test cache keeps of a definition: its id and findings, and what its tests gave. */
export interface TestEntry extends KnownDefinition {
  result: DetectionResult;
}

export interface TestShareInput {
  cwd: string;
  config: ResolvedConfig;
  definitionsDir: string;
  files: string[];
  requireTests: boolean;
}

/** A definition tested away from the main thread: its cache entry and the files it was computed from. */
export interface TestedFile {
  file: string;
  deps: string[];
  entry: TestEntry;
}

/**
 * Definitions one test worker must have to be worth its start (it loads alertsmith and an
 * esbuild of its own, ~0.3 s of CPU, against ~2.5 ms to load, check and test a definition).
 */
const FILES_PER_WORKER = 100;

const WORKER = workerModule(new URL('./test-worker.js', import.meta.url));

/**
 * Loads, checks and tests `files` in worker threads, one share each, when there are enough of
 * them; answers nothing otherwise (the main thread does it all). A definition whose checks
 * fail, or whose cases could not run, is left out: the main thread loads it and reports it
 * as it always does. Checks across definitions (unique ids) are the main thread's.
 */
export async function testInWorkers(input: TestShareInput): Promise<TestedFile[]> {
  const workers = WORKER ? workerCount(input.files.length, FILES_PER_WORKER) : 0;
  if (workers === 0) return [];
  const answers = await Promise.all(shares(input.files, workers).map((files) => runWorker<TestShareInput, TestedFile[]>(WORKER!, { ...input, files })));
  return answers.flat();
}

/** The work of one test worker: what the main thread would do for these files, as cache entries. */
export async function testShare(input: TestShareInput): Promise<TestedFile[]> {
  const validated = await validateDefinitionFiles(input.files, { cwd: input.cwd, config: input.config, definitionsDir: input.definitionsDir });
  const tested: TestedFile[] = [];
  for (const [file, fresh] of validated.fresh) {
    const definition = validated.valid.get(file);
    if (!definition || fresh.findings.some((f) => f.level === 'error')) continue;
    const { result, fixtures } = await testDefinitionFile(file, definition, {
      file: relativePath(input.cwd, file),
      requireTests: input.requireTests,
      engine: input.config.engine,
      elastalert: input.config.elastalert,
    });
    if (fixtures) tested.push({ file, deps: [...fresh.deps, ...fixtures], entry: { id: fresh.id, findings: fresh.findings, result } });
  }
  return tested;
}

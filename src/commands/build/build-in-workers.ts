import type { ResolvedConfig } from '../../define/schema/config.js';
import { relativePath } from '../../check/display-path.js';
import { synthRule } from '../../compile/synth.js';
import { validateDefinitionFiles, type KnownDefinition } from '../../validate/validate-definition-files.js';
import { runWorker, shares, workerCount, workerModule } from '../../workers/worker-threads.js';
import { xsoarNeedsOf } from '../../xsoar-content/xsoar-usage.js';
import { ruleFileName, type CompiledRule } from './plan-build.js';

/** What the build cache keeps of a definition: its id, its findings, and its rule when it compiled. */
export interface BuildEntry extends KnownDefinition {
  rule?: CompiledRule;
}

export interface BuildShareInput {
  /** Where the command runs: rule headers and messages name files relative to it. */
  cwd: string;
  /** The config as build compiles with it (`out` as the rule files name it). */
  config: ResolvedConfig;
  definitionsDir: string;
  files: string[];
}

/** A definition compiled away from the main thread: its cache entry and the files it was computed from. */
export interface BuiltFile {
  file: string;
  deps: string[];
  entry: BuildEntry;
}

/**
 * Definitions one build worker must have to be worth its start (it loads alertsmith and an
 * esbuild of its own, ~0.3 s of CPU, against ~1.2 ms to load, check and compile a definition).
 */
const FILES_PER_WORKER = 250;

const WORKER = workerModule(new URL('./build-worker.js', import.meta.url));

/**
 * Loads, checks and compiles `files` in worker threads, one share each, when there are enough
 * of them; answers nothing otherwise. Only definitions that compiled with no error come back:
 * the main thread loads the others and reports them as it always does, and runs the checks
 * across definitions (unique ids) over all of them.
 */
export async function buildInWorkers(input: BuildShareInput): Promise<BuiltFile[]> {
  const workers = WORKER ? workerCount(input.files.length, FILES_PER_WORKER) : 0;
  if (workers === 0) return [];
  const answers = await Promise.all(shares(input.files, workers).map((files) => runWorker<BuildShareInput, BuiltFile[]>(WORKER!, { ...input, files })));
  return answers.flat();
}

/** The work of one build worker: what the main thread would make of these files, as cache entries. */
export async function buildShare(input: BuildShareInput): Promise<BuiltFile[]> {
  const validated = await validateDefinitionFiles(input.files, { cwd: input.cwd, config: input.config, definitionsDir: input.definitionsDir });
  const built: BuiltFile[] = [];
  for (const [file, fresh] of validated.fresh) {
    const definition = validated.valid.get(file);
    if (!definition || fresh.findings.some((f) => f.level === 'error')) continue;
    let text: string;
    try {
      text = synthRule(definition, input.config, relativePath(input.cwd, file));
    } catch {
      continue; // the main thread compiles it again and reports why it cannot
    }
    const rule: CompiledRule = { name: ruleFileName(definition), text, xsoar: xsoarNeedsOf(definition) };
    built.push({ file, deps: fresh.deps, entry: { id: fresh.id, findings: fresh.findings, rule } });
  }
  return built;
}

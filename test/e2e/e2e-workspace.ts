import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runBuild } from '../../src/commands/build/run-build.js';
import type { ConfigInput } from '../../src/define/schema/config.js';
import { RUNTIME_EXE } from '../runtime/runtime-under-test.js';
import { RUNTIME_BUNDLE } from './elastalert-lines.js';

/** How the rules run the runtime: THIS Node on the repo's bundle, or the single executable (`ALERTSMITH_RUNTIME_EXE`). */
export const E2E_RUNTIME: NonNullable<ConfigInput['runtime']> =
  RUNTIME_EXE !== undefined ? { executable: RUNTIME_EXE } : { node: process.execPath, script: RUNTIME_BUNDLE };

/** A temporary folder with rules built for this machine, an ElastAlert config and a state dir. */
export interface E2eWorkspace {
  dir: string;
  rulesDir: string;
  /** ElastAlert global config (no Elasticsearch is ever contacted). */
  elastalertConfig: string;
  /** `ALERTSMITH_STATE_DIR` for the runtime: ledger, spool, rejected. */
  stateDir: string;
  /** Rule file of a definition id. */
  rule(id: string): string;
  ruleFiles(): string[];
  remove(): void;
}

/**
 * Builds the definitions in `definitionsDir` with a test-only config: the generated `command:`
 * runs THIS Node (`process.execPath`) on the repo's bundled runtime, or the single executable,
 * so the real ElastAlert alerters run the real runtime.
 */
export async function buildE2eWorkspace(
  definitionsDir: string,
  /** A config whose settings (defaults, ...) to keep; only definitions, out and runtime are replaced. */
  baseConfig?: string,
  /** The config's `runtime`. @default E2E_RUNTIME */
  runtime = E2E_RUNTIME,
): Promise<E2eWorkspace> {
  const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-e2e-'));
  const rulesDir = path.join(dir, 'rules');
  const stateDir = path.join(dir, 'state');
  const config = path.join(dir, 'alertsmith.config.ts');
  const overrides = JSON.stringify({
    definitions: definitionsDir,
    out: 'rules',
    runtime,
  });
  writeFileSync(
    config,
    baseConfig === undefined
      ? `export default ${overrides};\n`
      : `import base from ${JSON.stringify(baseConfig)};\nexport default { ...base, ...${overrides} };\n`,
  );
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await runBuild({ cwd: dir, config, stdout: output, stderr: output as unknown as NodeJS.WriteStream });
  if (code !== 0) throw new Error(`alertsmith build failed (exit ${code}) for ${definitionsDir}:\n${text}`);

  const elastalertConfig = path.join(dir, 'elastalert.yaml');
  // es_port 9 (discard) on loopback: nothing here may reach Elasticsearch, and nothing does.
  writeFileSync(
    elastalertConfig,
    [
      `rules_folder: ${JSON.stringify(rulesDir)}`,
      'es_host: 127.0.0.1',
      'es_port: 9',
      'writeback_index: alertsmith_e2e',
      'run_every: {minutes: 1}',
      'buffer_time: {minutes: 15}',
      '',
    ].join('\n'),
  );
  return {
    dir,
    rulesDir,
    elastalertConfig,
    stateDir,
    rule: (id) => path.join(rulesDir, `${id}.yaml`),
    ruleFiles: () =>
      readdirSync(rulesDir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => path.join(rulesDir, name)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

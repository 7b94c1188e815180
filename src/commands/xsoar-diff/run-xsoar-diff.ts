import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AlertsmithError, EXIT } from '../../errors.js';
import { readConfigFile } from '../../runtime/config-file.js';
import { explainFailure } from '../../runtime/commands/test-connection.js';
import { HttpFailure } from '../../runtime/http-request.js';
import { explainHaltStatus } from '../../runtime/retry-policy.js';
import { resolveRuntimeConfig, type RuntimeConfigFile } from '../../runtime/runtime-config.js';
import { createXsoarClient } from '../../runtime/xsoar-client.js';
import { validateDefinitionFiles } from '../../validate/validate-definition-files.js';
import { xsoarNeedsOf, xsoarUsageOf } from '../../xsoar-content/xsoar-usage.js';
import { findDefinitionFiles } from '../build/find-definition-files.js';
import { loadConfig } from '../build/load-config.js';
import { formatFindingLines } from '../build/run-build.js';
import { diffXsoarContent } from './content-diff.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from './diff-report.js';
import { parseLiveContent } from './live-content.js';

export interface XsoarDiffOptions {
  cwd: string;
  /** @default 'pretty' */
  format?: string;
  /** alertsmith.config.ts. @default `ALERTSMITH_CONFIG`, else alertsmith.config.ts if present */
  config?: string | undefined;
  /**
   * The runtime's JSON config file (url, apiKey, apiKeyId, auth, verifySsl, caFile, proxy, ...),
   * read as `alertsmith-incident --config` reads it; the environment (`DEMISTO_BASE_URL`,
   * `DEMISTO_API_KEY`, ...) wins over it.
   */
  xsoarConfig?: string | undefined;
  /** @default process.env */
  env?: Record<string, string | undefined>;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/**
 * `alertsmith xsoar diff`: asks a live XSOAR for its incident types and fields and lists what
 * the detections use that it lacks, or has with another type. Exit 0 when nothing is wrong,
 * 1 when something is missing or a field's type would take another kind of value, 2 when
 * XSOAR cannot be asked (configuration, network, a refused key).
 */
export async function runXsoarDiff(options: XsoarDiffOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const format = options.format ?? 'pretty';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    throw new AlertsmithError('ALERTSMITH_BAD_FORMAT', `--format must be one of ${DIFF_FORMATS.join(', ')}; got "${format}"`);
  }

  const { config, root } = await loadConfig(options.cwd, options.config, env);
  const definitionsDir = path.resolve(root, config.definitions);
  const rel = (file: string) => (path.relative(options.cwd, file) || file).split(path.sep).join('/');
  if (!existsSync(definitionsDir)) {
    throw new AlertsmithError('ALERTSMITH_NO_DEFINITIONS', `no definitions folder at ${rel(definitionsDir)}: create it, or set definitions in alertsmith.config.ts`);
  }
  const validated = await validateDefinitionFiles(await findDefinitionFiles(definitionsDir), { cwd: options.cwd, config, definitionsDir });
  const refused = validated.findings.filter((f) => f.level === 'error');
  if (refused.length > 0) {
    stderr.write(formatFindingLines(refused, options.cwd));
    stderr.write('the definitions have errors: fix them before comparing them with XSOAR\n');
    return EXIT.failed;
  }
  const detections = [...validated.valid].map(([file, definition]) => ({ file: rel(file), needs: xsoarNeedsOf(definition) }));
  const usage = xsoarUsageOf(detections);
  for (const c of usage.conflicts) stderr.write(`${c.file}: ${c.message}\n`);

  const file: RuntimeConfigFile = options.xsoarConfig !== undefined ? readConfigFile(path.resolve(options.cwd, options.xsoarConfig)) : {};
  const runtime = resolveRuntimeConfig({}, env, file, homedir());
  const client = await createXsoarClient(runtime);
  const timeoutMs = runtime.requestTimeoutMs;
  let texts: string[];
  try {
    const replies = await Promise.all([client.listContent('incidentTypes', timeoutMs), client.listContent('incidentFields', timeoutMs)]);
    const failed = replies.find((r) => r.status !== 200);
    if (failed !== undefined) {
      throw new AlertsmithError('ALERTSMITH_XSOAR_REFUSED', `cannot list XSOAR's incident types and fields: ${explainHaltStatus(failed.status)}`);
    }
    texts = replies.map((r) => r.text);
  } catch (thrown) {
    if (thrown instanceof HttpFailure) throw new AlertsmithError('ALERTSMITH_XSOAR_UNREACHABLE', explainFailure(thrown, runtime));
    throw thrown;
  } finally {
    client.close();
  }
  const live = parseLiveContent(texts[0]!, texts[1]!);
  if ('problem' in live) throw new AlertsmithError('ALERTSMITH_XSOAR_REPLY', `${runtime.url} is not answering as XSOAR does: ${live.problem}`);

  const findings = diffXsoarContent(usage, live);
  const fileOf = new Map(detections.map((d) => [d.needs.id, d.file]));
  stdout.write(formatDiff(findings, format as DiffFormat, { url: runtime.url!, types: usage.types.size, fields: usage.fields.size, fileOf }));
  return findings.some((f) => f.level === 'error') ? EXIT.failed : EXIT.ok;
}

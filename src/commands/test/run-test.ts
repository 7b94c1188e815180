import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { findDefinitionFiles, idFromFileName, isDefinitionFileName } from '../build/find-definition-files.js';
import { loadConfig } from '../build/load-config.js';
import type { Finding } from '../../check/finding.js';
import { relativePath } from '../../check/display-path.js';
import { ContentHashes } from '../../cache/content-hashes.js';
import { isCachedFindings } from '../../cache/cached-findings.js';
import { ResultCache } from '../../cache/result-cache.js';
import { readCustomEventFields, validateDefinitionFiles, type KnownDefinition } from '../../validate/validate-definition-files.js';
import { AlertsmithError, EXIT } from '../../errors.js';
import { tally, type DetectionResult } from './case-result.js';
import { reportJson } from './report-json.js';
import { reportJunit } from './report-junit.js';
import { reportPretty } from './report-pretty.js';
import { testDefinitionFile } from './test-definition-file.js';

export type TestFormat = 'pretty' | 'json' | 'junit';

export interface TestOptions {
  cwd: string;
  /** Definition files or folders to test. @default the config's definitions folder */
  paths?: string[];
  /** @default 'pretty' */
  format?: TestFormat;
  /** Fail every detection without a case that fires and a case that does not. @default false */
  requireTests?: boolean;
  /** Config file. @default `ALERTSMITH_CONFIG`, else alertsmith.config.ts if present */
  config?: string | undefined;
  /** Reuse and keep per-definition results in node_modules/.cache/alertsmith. @default true */
  cache?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/**
 * `alertsmith test`: runs every detection's test cases offline and prints the report, then the
 * closing `N passed, N failed` line (on stdout for pretty; on stderr for json and junit, whose
 * stdout is the document). Returns 0 when everything passed, else 1.
 */
export async function runTest(options: TestOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const format = options.format ?? 'pretty';
  if (!['pretty', 'json', 'junit'].includes(format)) {
    throw new AlertsmithError('ALERTSMITH_USAGE', `--format is pretty, json or junit; got "${format}"`);
  }
  const { config, root } = await loadConfig(options.cwd, options.config);
  const files = await definitionFiles(options, path.resolve(root, config.definitions));

  const rel = (file: string): string => relativePath(options.cwd, file);
  const definitionsDir = path.resolve(root, config.definitions);
  const requireTests = options.requireTests ?? false;
  const hashes = new ContentHashes({ root, disabled: options.cache === false });
  const cache = ResultCache.open<TestEntry>({
    root,
    name: 'test',
    salt: [config, options.cwd, requireTests, [...readCustomEventFields(definitionsDir, hashes)].sort()],
    hashes,
    isValue: isTestEntry,
    disabled: options.cache === false,
  });
  const known = new Map<string, TestEntry>();
  for (const file of files) {
    const entry = cache.get(file);
    if (entry) known.set(file, entry);
  }
  // The checks build runs: a definition build refuses is not tested, it fails.
  const validated = await validateDefinitionFiles(files, { cwd: options.cwd, config, definitionsDir, known, hashes });

  const errorsOf = new Map<string, Finding[]>();
  for (const f of validated.findings) if (f.level === 'error') errorsOf.set(f.file, [...(errorsOf.get(f.file) ?? []), f]);

  const results: DetectionResult[] = [];
  for (const absolute of files) {
    const file = rel(absolute);
    const errors = errorsOf.get(absolute) ?? [];
    const def = validated.valid.get(absolute);
    const cached = known.get(absolute)?.result;
    if (errors.length > 0 || (!def && !cached)) {
      const problems = errors.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.ruleId}]${f.fix ? `; fix: ${f.fix}` : ''}`);
      results.push({ id: idFromFileName(absolute), file, cases: [], problems });
      continue;
    }
    if (!def) {
      results.push(cached!);
      continue;
    }
    const { result, fixtures } = await testDefinitionFile(absolute, def, { file, requireTests, engine: config.engine, elastalert: config.elastalert });
    results.push(result);
    const fresh = validated.fresh.get(absolute);
    if (fresh && fixtures) cache.set(absolute, [...fresh.deps, ...fixtures], { id: fresh.id, findings: fresh.findings, result });
  }
  cache.save();
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  if (format === 'pretty') {
    stdout.write(reportPretty(results));
  } else {
    stdout.write(format === 'json' ? reportJson(results) : reportJunit(results));
    const { passed, failed } = tally(results);
    stderr.write(`${passed} passed, ${failed} failed\n`);
  }
  return tally(results).failed === 0 ? EXIT.ok : EXIT.failed;
}

/** What the test cache keeps of a definition: its id and findings, and what its tests gave. */
interface TestEntry extends KnownDefinition {
  result: DetectionResult;
}

function isTestEntry(value: unknown): value is TestEntry {
  if (!isCachedFindings(value)) return false;
  const result = (value as { result?: unknown }).result as Partial<DetectionResult> | null | undefined;
  return (
    typeof result === 'object' && result !== null && typeof result.id === 'string' && typeof result.file === 'string' &&
    Array.isArray(result.cases) && Array.isArray(result.problems)
  );
}

async function definitionFiles(options: TestOptions, definitionsDir: string): Promise<string[]> {
  const paths = options.paths ?? [];
  if (paths.length === 0) {
    if (!existsSync(definitionsDir)) {
      throw new AlertsmithError('ALERTSMITH_NO_DEFINITIONS', `no definitions folder at ${path.relative(options.cwd, definitionsDir) || definitionsDir}: create it, or name files to test`);
    }
    return findDefinitionFiles(definitionsDir);
  }
  const files = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(options.cwd, p);
    if (!existsSync(abs)) throw new AlertsmithError('ALERTSMITH_NO_DEFINITIONS', `${p} does not exist`);
    if (statSync(abs).isDirectory()) for (const f of await findDefinitionFiles(abs)) files.add(f);
    else if (isDefinitionFileName(path.basename(abs))) files.add(abs);
    else throw new AlertsmithError('ALERTSMITH_USAGE', `${p} is not a definition module (.ts)`);
  }
  return [...files].sort();
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../commands/build/load-config.js';
import { packageVersion } from '../cli/package-version.js';
import { AlertsmithError, EXIT } from '../errors.js';
import { saveCodeCache } from '../cache/compile-cache.js';
import { preloadTsMorph } from './ts-morph-code-cache.js';
import type { WarmProject } from './warm-project.js';
import { countFindings, type Finding } from './finding.js';
import { formatGithub } from './reporters/github-reporter.js';
import { formatJson } from './reporters/json-reporter.js';
import { formatPretty } from './reporters/pretty-reporter.js';
import { formatSarif } from './reporters/sarif-reporter.js';

/** Output formats of `alertsmith check`. */
export const CHECK_FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface RunCheckOptions {
  /** Folder the command runs in; paths and the config are resolved against it. */
  cwd: string;
  /** Definition files or folders. @default [] (the config's definitions folder) */
  paths?: readonly string[];
  /** `pretty`, `json`, `github` or `sarif`. @default 'pretty' */
  format?: string;
  /** Config file. @default `ALERTSMITH_CONFIG`, else alertsmith.config.ts in cwd if present, else the defaults */
  config?: string | undefined;
  /** Where the report goes. @default process.stdout */
  write?: (text: string) => void;
  /** Colours in the pretty format. @default true when stdout is a terminal */
  color?: boolean;
  /** Environment, for `ALERTSMITH_CONFIG`. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Reuse and keep each file's findings in node_modules/.cache/alertsmith. @default true */
  cache?: boolean;
  /** The project kept between the runs of `--watch`. @default none: each run parses everything it needs */
  warm?: WarmProject;
}

/**
 * `alertsmith check`: type-checks and lints definitions, prints the findings in the chosen
 * format, and returns the exit code: 0 clean (warnings allowed), 1 error-level findings,
 * 2 usage or config errors (thrown as `AlertsmithError`). Never writes a file.
 */
export async function runCheck(options: RunCheckOptions): Promise<number> {
  const format = options.format ?? 'pretty';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new AlertsmithError('ALERTSMITH_CHECK_FORMAT', `unknown format "${format}": use one of ${CHECK_FORMATS.join(', ')}`, EXIT.usage);
  }
  const cwd = path.resolve(options.cwd);
  const loaded = await loadConfig(cwd, options.config, options.env ?? process.env);
  const config = {
    ...loaded.config,
    definitions: path.resolve(loaded.root, loaded.config.definitions),
    ...(loaded.config.attackData !== undefined ? { attackData: path.resolve(loaded.root, loaded.config.attackData) } : {}),
  };
  // ts-morph (TypeScript's 9 MB) is compiled with V8's code cache, so it loads before check-project.
  preloadTsMorph(cwd, options.cache === false);
  const { checkProject } = await import('./check-project.js');
  const result = await checkProject({
    cwd,
    paths: options.paths ?? [],
    config,
    ...(loaded.file ? { configFile: loaded.file } : {}),
    ...(options.cache === false ? { cache: false } : {}),
    ...(options.warm ? { warm: options.warm } : {}),
  });
  saveCodeCache(result.typeCheckedHere ? 'type-checked' : 'loaded');

  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  write(await formatFindings(result.findings, format as CheckFormat, cwd, options.color ?? process.stdout.isTTY === true));
  return countFindings(result.findings).errors > 0 ? EXIT.failed : EXIT.ok;
}

/** Findings as text in one of the check formats. */
export async function formatFindings(findings: readonly Finding[], format: CheckFormat, cwd: string, color = false): Promise<string> {
  switch (format) {
    case 'json':
      return formatJson(findings, cwd);
    case 'github':
      return formatGithub(findings, cwd);
    case 'sarif':
      // The rule list loads every lint rule (and ts-morph): only SARIF, which describes each rule, needs it.
      return formatSarif(findings, { cwd, rules: (await import('./rules/all-rules.js')).CHECK_RULES, version: packageVersion() });
    case 'pretty':
      return formatPretty(findings, { cwd, color, sourceText: readSource });
  }
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

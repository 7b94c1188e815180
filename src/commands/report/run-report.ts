import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readAttackData } from '../../attack/read-attack-data.js';
import { displayPath } from '../../check/display-path.js';
import { AlertsmithError, EXIT } from '../../errors.js';
import { validateDefinitionFiles } from '../../validate/validate-definition-files.js';
import { findDefinitionFiles } from '../build/find-definition-files.js';
import { loadConfig } from '../build/load-config.js';
import { formatFindingLines } from '../build/run-build.js';
import { readFixture } from '../test/read-fixtures.js';
import { readBaseDetectionIds } from './base-detections.js';
import { buildReport, type ReportDefinition, type ReportOutputs } from './build-report.js';
import { parseTestResults } from './test-results.js';

export type ReportFormat = 'html' | 'navigator' | 'markdown';

/** Each format's file in the output folder. */
export const REPORT_FILES: Record<ReportFormat, { file: string; output: keyof ReportOutputs }> = {
  html: { file: 'catalog.html', output: 'html' },
  navigator: { file: 'attack-layer.json', output: 'layer' },
  markdown: { file: 'summary.md', output: 'markdown' },
};

export interface ReportOptions {
  cwd: string;
  /** Output folder, or `-` for stdout (with one `format`). @default 'report' */
  out?: string | undefined;
  /** One format; all three when undefined. */
  format?: string | undefined;
  /** `alertsmith test --format json` output to read test status from. */
  tests?: string | undefined;
  /** A base definitions folder (or generated rules folder): new and removed detections. */
  base?: string | undefined;
  /** Offline ATT&CK data (enterprise-attack.json). @default the config's `attackData` */
  attackData?: string | undefined;
  /** Config file. @default `ALERTSMITH_CONFIG`, else alertsmith.config.ts if present */
  config?: string | undefined;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/**
 * `alertsmith report`: the ATT&CK Navigator layer, the HTML catalog and the markdown summary of
 * the definitions. Refuses, writing nothing, when a definition has errors (as `build` does).
 * Returns the exit code.
 */
export async function runReport(options: ReportOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const formats = formatsOf(options.format);
  const toStdout = options.out === '-';
  if (toStdout && formats.length !== 1) {
    throw new AlertsmithError('ALERTSMITH_USAGE', '--out - writes one document to stdout: name it with --format html, navigator or markdown');
  }
  const { config, root } = await loadConfig(options.cwd, options.config);
  const definitionsDir = path.resolve(root, config.definitions);
  if (!existsSync(definitionsDir)) {
    throw new AlertsmithError('ALERTSMITH_NO_DEFINITIONS', `no definitions folder at ${displayPath(options.cwd, definitionsDir)}: create it, or set definitions in alertsmith.config.ts`);
  }
  const attackDataFile = options.attackData !== undefined ? path.resolve(options.cwd, options.attackData) : config.attackData !== undefined ? path.resolve(root, config.attackData) : undefined;
  const [attackData, testVerdicts, baseIds] = await Promise.all([
    attackDataFile !== undefined ? readAttackData(attackDataFile, options.cwd) : undefined,
    options.tests !== undefined ? readTestVerdicts(path.resolve(options.cwd, options.tests), options.cwd) : undefined,
    options.base !== undefined ? readBaseDetectionIds(path.resolve(options.cwd, options.base), options.cwd) : undefined,
  ]);

  const files = await findDefinitionFiles(definitionsDir);
  const validated = await validateDefinitionFiles(files, { cwd: options.cwd, config, definitionsDir });
  const errors = validated.findings.filter((f) => f.level === 'error');
  if (errors.length > 0) {
    stderr.write(formatFindingLines(errors, options.cwd));
    stderr.write(`${new Set(errors.map((e) => e.file)).size} definition file(s) have errors; no report was written (run alertsmith check).\n`);
    return EXIT.failed;
  }
  const definitions: ReportDefinition[] = [];
  for (const [absolute, definition] of validated.valid) {
    const fixtures = definition.tests?.[0]?.fixtures ?? [];
    const firstCaseFixtureEvents = (await Promise.all(fixtures.map((f) => readFixture(absolute, f)))).flat();
    definitions.push({ definition, file: displayPath(options.cwd, absolute), firstCaseFixtureEvents });
  }
  const outputs = buildReport({ definitions, config, attackData, testVerdicts, baseIds });

  if (toStdout) {
    stdout.write(outputs[REPORT_FILES[formats[0]!].output]);
    return EXIT.ok;
  }
  const outDir = path.resolve(options.cwd, options.out ?? 'report');
  try {
    await mkdir(outDir, { recursive: true });
    for (const format of formats) {
      const target = path.join(outDir, REPORT_FILES[format].file);
      await writeFile(target, outputs[REPORT_FILES[format].output]);
      stdout.write(`wrote ${displayPath(options.cwd, target)}\n`);
    }
  } catch (e) {
    throw new AlertsmithError('ALERTSMITH_REPORT_WRITE', `cannot write the report into ${displayPath(options.cwd, outDir)}: ${(e as Error).message}`);
  }
  return EXIT.ok;
}

function formatsOf(format: string | undefined): ReportFormat[] {
  const all = Object.keys(REPORT_FILES) as ReportFormat[];
  if (format === undefined) return all;
  if (!(all as string[]).includes(format)) throw new AlertsmithError('ALERTSMITH_USAGE', `--format is html, navigator or markdown; got "${format}"`);
  return [format as ReportFormat];
}

async function readTestVerdicts(file: string, cwd: string) {
  const shown = displayPath(cwd, file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AlertsmithError('ALERTSMITH_REPORT_TESTS', `--tests ${shown} cannot be read`);
  }
  try {
    return parseTestResults(text);
  } catch (e) {
    throw new AlertsmithError('ALERTSMITH_REPORT_TESTS', `--tests ${shown}: ${(e as Error).message}; write it with \`alertsmith test --format json > ${shown}\``);
  }
}

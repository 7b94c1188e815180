import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AlertsmithError, EXIT } from '../../errors.js';
import { applyOutputs } from '../build/write-generated.js';
import type { ImportReport } from './import-result.js';
import { planImport } from './plan-import.js';
import { readPyYamlDocuments } from './pyyaml-read.js';
import { reportJson, reportPretty } from './report-import.js';
import { sigmaMetadata, type SigmaMetadata } from './sigma-metadata.js';

export interface ImportOptions {
  cwd: string;
  /** Rule files or folders (searched recursively for `*.yaml` and `*.yml`). */
  paths: string[];
  /** @default 'definitions' */
  out?: string | undefined;
  dryRun?: boolean;
  force?: boolean;
  xsoarType?: string | undefined;
  /** Folders or files of the Sigma rules the ElastAlert rules were converted from. */
  sigma?: string[] | undefined;
  format?: string;
  stdout?: NodeJS.WritableStream;
}

/** `alertsmith import`: the only part of the import that touches files. Returns the exit code. */
export async function runImport(options: ImportOptions): Promise<number> {
  const format = options.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') {
    throw new AlertsmithError('ALERTSMITH_IMPORT_USAGE', `--format must be pretty or json, not ${JSON.stringify(format)}`, EXIT.usage);
  }
  if (options.xsoarType !== undefined && options.xsoarType.trim() === '') {
    throw new AlertsmithError('ALERTSMITH_IMPORT_USAGE', '--xsoar-type must name an XSOAR incident type', EXIT.usage);
  }
  const files = findFiles(options.cwd, options.paths, 'ElastAlert rule');
  const outDir = path.resolve(options.cwd, options.out ?? 'definitions');
  const shownAs = (file: string) => path.relative(options.cwd, file) || file;
  const plan = planImport({
    files,
    readText: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    shownAs,
    xsoarType: options.xsoarType,
    sigma: options.sigma === undefined ? undefined : readSigmaRules(options.cwd, options.sigma),
  });
  const report: ImportReport = { ...plan.report, dryRun: options.dryRun === true };
  const writes = new Map<string, string>();
  for (const rule of report.rules) {
    if (rule.status === 'not-imported' || rule.id === undefined) continue;
    const name = `${rule.id}.ts`;
    const target = path.join(outDir, name);
    if (!options.force && existsSync(target) && readFileSync(target, 'utf8') !== plan.outputs.get(name)) {
      rule.status = 'not-imported';
      rule.reason = `${shownAs(target)} exists: pass --force to overwrite it`;
      continue;
    }
    rule.out = shownAs(target);
    writes.set(name, plan.outputs.get(name)!);
  }
  if (!report.dryRun && writes.size > 0) await applyOutputs(outDir, writes, []);
  (options.stdout ?? process.stdout).write(format === 'json' ? reportJson(report) : reportPretty(report));
  return report.rules.some((r) => r.status === 'not-imported') ? EXIT.failed : EXIT.ok;
}

/** Files named, and `*.yaml`/`*.yml` files under folders named, sorted; a missing path is a usage error. */
function findFiles(cwd: string, paths: string[], what: string): string[] {
  if (paths.length === 0) throw new AlertsmithError('ALERTSMITH_IMPORT_USAGE', `name the ${what} files or folders to import`, EXIT.usage);
  const files = new Set<string>();
  for (const p of paths) {
    const full = path.resolve(cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new AlertsmithError('ALERTSMITH_IMPORT_PATH', `${p} does not exist`, EXIT.usage);
    }
    if (stat.isDirectory()) for (const f of yamlFilesUnder(full)) files.add(f);
    else files.add(full);
  }
  return [...files].sort();
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Sigma metadata by title; a title two different rules share is left out (it would be a guess). */
function readSigmaRules(cwd: string, paths: string[]): Map<string, SigmaMetadata> {
  const byTitle = new Map<string, SigmaMetadata | undefined>();
  for (const file of findFiles(cwd, paths, 'Sigma rule')) {
    let documents: unknown[];
    try {
      documents = readPyYamlDocuments(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const document of documents) {
      const found = sigmaMetadata(document);
      if (found === undefined) continue;
      const known = byTitle.get(found.title);
      const same = known !== undefined && JSON.stringify(known) === JSON.stringify(found.metadata);
      byTitle.set(found.title, byTitle.has(found.title) && !same ? undefined : found.metadata);
    }
  }
  return new Map([...byTitle].filter((e): e is [string, SigmaMetadata] => e[1] !== undefined));
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../../define/schema/config.js';
import { AlertsmithError, EXIT } from '../../errors.js';
import { findDefinitionFiles } from './find-definition-files.js';
import { loadConfig } from './load-config.js';
import { planBuild, ruleFileName, type BuildError, type CheckedDefinition, type CompiledRule } from './plan-build.js';
import { displayPath, relativePath } from '../../check/display-path.js';
import type { Finding } from '../../check/finding.js';
import { ContentHashes } from '../../cache/content-hashes.js';
import { isCachedFindings } from '../../cache/cached-findings.js';
import { ResultCache } from '../../cache/result-cache.js';
import { readCustomEventFields, validateDefinitionFiles, type KnownDefinition, type ValidatedFiles } from '../../validate/validate-definition-files.js';
import { progressLine } from './progress-line.js';
import { applyOutputs, readOutputFolder } from './write-generated.js';
import { planXsoarContent, XSOAR_CONTENT_FOLDER } from './plan-xsoar-content.js';
import { INCIDENT_FIELDS_FOLDER, INCIDENT_TYPES_FOLDER } from '../../xsoar-content/content-files.js';
import { isXsoarNeeds, xsoarNeedsOf } from '../../xsoar-content/xsoar-usage.js';

export interface BuildOptions {
  cwd: string;
  /** Write nothing; exit 1 when generated files are stale, missing or orphaned. @default false */
  check?: boolean;
  /** Config file. @default `ALERTSMITH_CONFIG`, else alertsmith.config.ts if present */
  config?: string | undefined;
  /** Output folder, overriding the config's `out`. */
  out?: string | undefined;
  /** Refuse to write when `alertsmith check` reports errors. @default false */
  strict?: boolean;
  /** Reuse and keep per-definition results in node_modules/.cache/alertsmith. @default true */
  cache?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WriteStream;
}

/** `alertsmith build`: compile every definition into `<out>/<id>.yaml`. Returns the exit code. */
export async function runBuild(options: BuildOptions): Promise<number> {
  const started = performance.now();
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const { config: loadedConfig, root, file: configFile } = await loadConfig(options.cwd, options.config);
  const config = options.out !== undefined ? { ...loadedConfig, out: options.out } : loadedConfig;
  const outRoot = options.out !== undefined ? options.cwd : root;
  const definitionsDir = path.resolve(root, config.definitions);
  const outDir = path.resolve(outRoot, config.out);
  const rel = (file: string) => relativePath(options.cwd, file);

  if (!existsSync(definitionsDir)) {
    throw new AlertsmithError(
      'ALERTSMITH_NO_DEFINITIONS',
      `no definitions folder at ${rel(definitionsDir)}: create it, or set definitions in alertsmith.config.ts`,
    );
  }
  const files = await findDefinitionFiles(definitionsDir);
  const showProgress = progressLine(stderr, files.length, 'compiling');
  if (stderr.isTTY && files.length >= 200) stderr.write(`loading ${files.length} definitions...\n`);
  const hashes = new ContentHashes({ root, disabled: options.cache === false });
  const cache = ResultCache.open<BuildEntry>({
    root,
    name: 'build',
    // What else decides a rule: the config, where it is written from, and the project's custom fields.
    salt: [config, options.cwd, rel(outDir), [...readCustomEventFields(definitionsDir, hashes)].sort()],
    hashes,
    isValue: isBuildEntry,
    disabled: options.cache === false,
  });
  const known = new Map<string, BuildEntry>();
  // --strict hands every definition as loaded to check, so nothing is taken from the cache then.
  for (const file of options.strict ? [] : files) {
    const entry = cache.get(file);
    if (entry && (entry.rule || entry.findings.some((f) => f.level === 'error'))) known.set(file, entry);
  }
  const validated = await validateDefinitionFiles(files, { cwd: options.cwd, config, definitionsDir, known, hashes });
  const keep = (rules: ReadonlyMap<string, CompiledRule>) => {
    for (const [file, fresh] of validated.fresh) {
      const rule = rules.get(file);
      if (rule || fresh.findings.some((f) => f.level === 'error')) cache.set(file, fresh.deps, { id: fresh.id, findings: fresh.findings, ...(rule ? { rule } : {}) });
    }
    cache.save();
  };
  const refused = validated.findings.filter((f) => f.level === 'error');
  if (refused.length > 0) {
    showProgress(files.length);
    keep(new Map());
    stderr.write(formatFindingLines(refused, options.cwd));
    const invalid = new Set(refused.map((e) => e.file)).size;
    stderr.write(`${invalid} of ${count(files.length, 'definition file')} ${invalid === 1 ? 'has' : 'have'} errors; nothing was written.\n`);
    return EXIT.failed;
  }
  const definitions: CheckedDefinition[] = files.flatMap((file): CheckedDefinition[] => {
    const definition = validated.valid.get(file);
    if (definition) return [{ file: rel(file), definition }];
    const rule = known.get(file)?.rule;
    return rule ? [{ file: rel(file), compiled: rule }] : [];
  });
  const existing = await readOutputFolder(outDir);
  const plan = planBuild(definitions, { ...config, out: rel(outDir) }, existing, showProgress);
  const contentDir = path.join(outDir, XSOAR_CONTENT_FOLDER);
  const existingContent = new Map<string, Map<string, string>>();
  for (const folder of [INCIDENT_TYPES_FOLDER, INCIDENT_FIELDS_FOLDER]) {
    existingContent.set(folder, await readOutputFolder(path.join(contentDir, folder), /\.json$/));
  }
  const content = planXsoarContent(definitions, existingContent, rel(contentDir));
  showProgress(files.length);
  const compiled = new Map<string, CompiledRule>();
  for (const [file, definition] of validated.valid) {
    const name = ruleFileName(definition);
    const text = plan.outputs.get(name);
    if (text !== undefined && !plan.errors.some((e) => e.file === rel(file))) compiled.set(file, { name, text, xsoar: xsoarNeedsOf(definition) });
  }
  keep(compiled);

  const errors = [...plan.errors, ...content.errors];
  if (errors.length > 0) {
    stderr.write(formatErrors(errors));
    const invalid = new Set(errors.map((e) => e.file)).size;
    stderr.write(`${invalid} of ${count(files.length, 'definition file')} ${invalid === 1 ? 'has' : 'have'} errors; nothing was written.\n`);
    return EXIT.failed;
  }
  if (options.strict && !(await passesCheck(root, loadedConfig, configFile, validated, stderr))) return EXIT.failed;
  const outName = rel(outDir);
  for (const file of plan.handWritten) stderr.write(`left alone: ${outName}/${file} (written by hand)\n`);
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;

  const contentName = rel(contentDir);
  const contentCounts = `${count(content.folders.get(INCIDENT_TYPES_FOLDER)!.outputs.size, 'incident type')} and ${count(content.folders.get(INCIDENT_FIELDS_FOLDER)!.outputs.size, 'incident field')}`;
  if (options.check) {
    const missing = plan.changed.filter((f) => !existing.has(f));
    const stale = plan.changed.filter((f) => existing.has(f));
    const lines = [
      ...stale.map((f) => `  stale     ${outName}/${f}`),
      ...missing.map((f) => `  missing   ${outName}/${f}`),
      ...plan.orphaned.map((f) => `  orphaned  ${outName}/${f} (its definition is gone)`),
    ];
    for (const [folder, folderPlan] of content.folders) {
      const onDisk = existingContent.get(folder)!;
      for (const f of folderPlan.changed) lines.push(`  ${onDisk.has(f) ? 'stale  ' : 'missing'}   ${contentName}/${folder}/${f}`);
      for (const f of folderPlan.orphaned) lines.push(`  orphaned  ${contentName}/${folder}/${f} (no detection uses it)`);
    }
    if (lines.length === 0) {
      stdout.write(`${outName}/ is up to date: ${count(plan.outputs.size, 'rule')}${fromCache(known.size)} (${elapsed()}), XSOAR content: ${contentCounts}\n`);
      return EXIT.ok;
    }
    stderr.write(`${outName}/ is not up to date:\n${lines.join('\n')}\nrun \`alertsmith build\` and commit ${outName}/\n`);
    return EXIT.failed;
  }

  const writes = new Map(plan.changed.map((f) => [f, plan.outputs.get(f)!]));
  await applyOutputs(outDir, writes, plan.orphaned);
  let contentWritten = 0;
  let contentRemoved = 0;
  for (const [folder, folderPlan] of content.folders) {
    if (folderPlan.changed.length + folderPlan.orphaned.length === 0) continue;
    await applyOutputs(path.join(contentDir, folder), new Map(folderPlan.changed.map((f) => [f, folderPlan.outputs.get(f)!])), folderPlan.orphaned);
    contentWritten += folderPlan.changed.length;
    contentRemoved += folderPlan.orphaned.length;
  }
  stdout.write(
    `built ${count(plan.outputs.size, 'rule')} into ${outName}/: ${writes.size} written, ${plan.unchanged.length} unchanged, ${plan.orphaned.length} removed${fromCache(known.size)} (${elapsed()})\n`,
  );
  stdout.write(`XSOAR content in ${contentName}/: ${contentCounts}, ${contentWritten} written, ${contentRemoved} removed\n`);
  return EXIT.ok;
}

/** `--strict`: the findings `alertsmith check` reports at error level stop the build. ts-morph loads only here. */
async function passesCheck(
  root: string,
  config: ResolvedConfig,
  configFile: string | undefined,
  validated: ValidatedFiles,
  stderr: NodeJS.WriteStream,
): Promise<boolean> {
  const { checkProject } = await import('../../check/check-project.js');
  const { formatFindings } = await import('../../check/run-check.js');
  // The definition checks already ran (build refuses on them first): check reuses their results.
  const errors = (await checkProject({ cwd: root, config, configFile, validated })).findings.filter((f) => f.level === 'error');
  if (errors.length === 0) return true;
  stderr.write(await formatFindings(errors, 'pretty', root));
  stderr.write(`build --strict: alertsmith check reports ${count(errors.length, 'error')}; nothing was written.\n`);
  return false;
}

/** How many files may share one identical error before the rest are counted instead of listed. */
const SAME_ERROR_LISTED = 5;

/** Every error on its own line, except that one cause shared by many files is listed a few times, then counted. */
export function formatErrors(errors: BuildError[]): string {
  return listedOnce(errors.map((e) => ({ what: e.message, line: `${e.file}: ${e.message}\n` })));
}

/**
 * The definition checks' errors, one per problem: `file:line:col: message [check-id]` and the
 * fix on the next line (as `alertsmith check` says it, without the code frame).
 */
export function formatFindingLines(findings: readonly Finding[], cwd: string): string {
  return listedOnce(
    findings.map((f) => ({
      what: f.message,
      line: `${displayPath(cwd, f.file)}:${f.line}:${f.column}: ${f.message} [${f.ruleId}]\n${f.fix ? `  fix: ${f.fix}\n` : ''}`,
    })),
  );
}

function listedOnce(entries: { what: string; line: string }[]): string {
  const seen = new Map<string, number>();
  let out = '';
  for (const { what, line } of entries) {
    const n = (seen.get(what) ?? 0) + 1;
    seen.set(what, n);
    if (n <= SAME_ERROR_LISTED) out += line;
  }
  for (const [what, n] of seen) {
    if (n > SAME_ERROR_LISTED) out += `... and ${n - SAME_ERROR_LISTED} more files with: ${what}\n`;
  }
  return out;
}

/** How many definitions the cache answered for, when any. */
function fromCache(n: number): string {
  return n > 0 ? `, ${n} from cache` : '';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What the build cache keeps of a definition: its id, its findings, and its rule when it compiled. */
interface BuildEntry extends KnownDefinition {
  rule?: CompiledRule;
}

function isBuildEntry(value: unknown): value is BuildEntry {
  if (!isCachedFindings(value)) return false;
  const rule = (value as { rule?: unknown }).rule as Partial<CompiledRule> | undefined;
  return rule === undefined || (typeof rule === 'object' && rule !== null && typeof rule.name === 'string' && typeof rule.text === 'string' && isXsoarNeeds(rule.xsoar));
}

import { resolve } from 'node:path';
import { Node, ts } from './ts-morph.cjs';
import type { SourceFile } from 'ts-morph';
import { ContentHashes } from '../cache/content-hashes.js';
import { isCachedFindings } from '../cache/cached-findings.js';
import { ResultCache } from '../cache/result-cache.js';
import { configSchema, type ResolvedConfig } from '../define/schema/config.js';
import { createCheckProgram, parseOnlyProgram, type CheckProgram } from './check-program.js';
import { projectTsconfig, tsconfigChain } from './project-tsconfig.js';
import type { WarmProject } from './warm-project.js';
import { typeCheckProgram, type TypeCheckResult } from './type-check-share.js';
import { typeCheckInWorkers, typeCheckWorkerCount } from './type-check-workers.js';
import { didYouMean } from './did-you-mean.js';
import { findCheckTargets } from './check-targets.js';
import { readDefinitionSource } from './definition-source.js';
import { FieldSet, ownFieldsOf, projectDocumentFields } from './field-set.js';
import { compareFindings, type Finding } from './finding.js';
import type { FindingTarget, LintRule, Report } from './lint-rule.js';
import { resolveRuleSettings, type RuleSetting } from './rule-levels.js';
import { CHECK_RULES, LINT_RULES } from './rules/all-rules.js';
import { Suppressions } from './suppression.js';
import { withoutDuplicates } from './type-diagnostics.js';
import {
  PROJECT_CHECK_IDS,
  readCustomEventFields,
  validateDefinitionFiles,
  type KnownDefinition,
  type ValidatedFiles,
} from '../validate/validate-definition-files.js';
import { readAttackData } from '../attack/read-attack-data.js';

export interface CheckProjectOptions {
  /** The folder paths are resolved against. */
  cwd: string;
  /** Definition files or folders to check. @default [] (the config's definitions folder) */
  paths?: readonly string[];
  /** The resolved config (definitions folder, defaults, `check.rules`). @default the defaults of an empty config */
  config?: ResolvedConfig;
  /** The config file, type-checked along with the definitions (not linted). @default undefined */
  configFile?: string;
  /** Report TypeScript diagnostics; off, only the lint rules run (faster, for lint-only callers). @default true */
  typeCheck?: boolean;
  /** The definition checks' results for these files, when the caller has them (`build --strict`). @default run here */
  validated?: ValidatedFiles;
  /** Reuse and keep each file's findings in node_modules/.cache/alertsmith. @default true */
  cache?: boolean;
  /** The project kept between the runs of `check --watch` (see WarmProject). @default none */
  warm?: WarmProject;
}

export interface CheckResult {
  /** Every finding, sorted by file and position. */
  findings: Finding[];
  /** The definition files checked, absolute and sorted. */
  files: string[];
  /** True when this thread type-checked files (not the cache, nor worker threads). */
  typeCheckedHere: boolean;
}

/**
 * Type-checks and lints definitions: the definition checks `build` runs (over the definitions as
 * `build` loads them), the TypeScript diagnostics of the definition files (and the config file)
 * that do not repeat those findings, then every lint rule, minus what the config and suppression
 * comments turn off. Reads files, writes nothing. Throws `AlertsmithError` (exit 2) for a missing
 * path or a config naming an unknown rule.
 */
export async function checkProject(options: CheckProjectOptions): Promise<CheckResult> {
  const cwd = resolve(options.cwd);
  const config = options.config ?? configSchema.parse({});
  const settings = resolveRuleSettings(CHECK_RULES, config.check.rules);
  const files = findCheckTargets(cwd, options.paths ?? [], config.definitions);
  const definitionsDir = resolve(cwd, config.definitions);
  const configFile = options.configFile ? resolve(cwd, options.configFile) : undefined;
  const tsconfig = projectTsconfig(cwd, definitionsDir);
  // Where findings about the whole project go (tsconfig options, the config file).
  const tsconfigFile = tsconfig ?? resolve(cwd, 'tsconfig.json');
  const typeCheck = options.typeCheck !== false;

  const hashes = new ContentHashes({ root: cwd, disabled: options.cache === false });
  const active = LINT_RULES.filter((rule) => settings.get(rule.id) !== 'off');
  const cache = ResultCache.open<KnownDefinition>({
    root: cwd,
    name: 'check',
    // A file's findings also depend on: the config, the tsconfig (and what it extends), TypeScript, the custom fields.
    salt: [config, cwd, typeCheck, ts.version, configFile ?? null, tsconfig === undefined ? null : tsconfigChain(tsconfig).map((file) => [file, hashes.hash(file)]), [...readCustomEventFields(definitionsDir, hashes)].sort(),
      // The ATT&CK data decides the attack-technique-unknown findings.
      config.attackData !== undefined ? hashes.hash(resolve(cwd, config.attackData)) : null],
    hashes,
    isValue: isCachedFindings,
    // A lint rule across files, or results handed in, would make per-file entries wrong.
    disabled: options.cache === false || options.validated !== undefined || active.some((rule) => rule.checkProject),
  });
  // The project's own findings (tsconfig options, the config file) are kept under the tsconfig's name.
  const projectEntry = tsconfigFile;
  const known = new Map<string, KnownDefinition>();
  for (const file of files) {
    const entry = cache.get(file);
    if (entry) known.set(file, entry);
  }
  const projectKnown = cache.get(projectEntry);
  if (known.size === files.length && projectKnown) {
    // Nothing changed: no program, no type checking; only the checks across files run again.
    const validated = await validateDefinitionFiles(files, { cwd, config, definitionsDir, known, hashes });
    if (options.warm && !options.warm.holdsProject && typeCheck && files.length > 0) {
      // A process that stays up (a watch, the check server) parses lib.d.ts and the declarations
      // the definitions import now, by type-checking one of them, so that the first edit finds them parsed.
      const parsedSince = Date.now();
      const primer = createCheckProgram(cwd, files.slice(0, 1), { tsconfig: tsconfig ?? null, leaveOut: new Set(known.keys()), readText: (file) => hashes.text(file), warm: options.warm });
      typeCheckProgram(primer, tsconfigFile, true);
      options.warm.keep(primer.project, parsedSince);
    }
    const findings = [...validated.findings, ...projectKnown.findings].sort(compareFindings);
    return { findings, files, typeCheckedHere: false };
  }

  const parsedSince = Date.now();
  const toCheck = files.filter((f) => !known.has(f));
  const typeChecked = configFile ? [...toCheck, configFile] : toCheck;
  const workers = typeCheck ? typeCheckWorkerCount(typeChecked.length) : 0;
  let program: CheckProgram;
  let typeChecking: () => Promise<TypeCheckResult>;
  if (workers > 0) {
    // Worker threads type-check; this thread parses the files for the lint rules and checks the definitions.
    program = parseOnlyProgram(typeChecked);
    const pending = typeCheckInWorkers({ cwd, tsconfig, files: typeChecked, leaveOut: [...known.keys()], fallbackFile: tsconfigFile, codeCache: options.cache !== false }, workers);
    pending.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    typeChecking = () => pending;
  } else {
    // Only what changed, and what it imports, is parsed and checked; the cache answers for the rest.
    program = createCheckProgram(cwd, typeChecked, { tsconfig: tsconfig ?? null, leaveOut: new Set(known.keys()), readText: (file) => hashes.text(file), ...(options.warm ? { warm: options.warm } : {}) });
    typeChecking = async () => typeCheckProgram(program, tsconfigFile, typeCheck);
  }
  const definitionFiles = program.targets.slice(0, toCheck.length);
  // esbuild bundles the definitions in its own process while the type checker runs.
  const reusable = options.validated && sameFiles(options.validated.evaluated.map((d) => d.file), files) ? options.validated : undefined;
  const validating = reusable ? Promise.resolve(reusable) : validateDefinitionFiles(files, {
    cwd,
    config,
    definitionsDir,
    sourceFile: (file) => program.project.getSourceFile(file)?.compilerNode,
    known,
    hashes,
  });
  const typeResult = await typeChecking();
  const validated = await validating;
  const findings = [...validated.findings, ...withoutDuplicates(typeResult.findings, validated.findings)];

  const valueOf = new Map(validated.evaluated.map((d) => [d.file, d.value]));
  const sources = definitionFiles.map(readDefinitionSource);
  const suppressions = new Map<SourceFile, Suppressions>(definitionFiles.map((f) => [f, Suppressions.of(f.compilerNode)]));

  const reporterFor = (rule: LintRule) => {
    const setting = settings.get(rule.id);
    return (report: Report) => {
      const finding = toFinding(rule, setting, report, suppressions);
      if (finding) findings.push(finding);
    };
  };
  const commonFields = projectDocumentFields(readCustomEventFields(definitionsDir, hashes));
  const attack = config.attackData !== undefined ? { attack: await readAttackData(resolve(cwd, config.attackData), cwd) } : {};
  for (const source of sources) {
    const value = valueOf.get(source.file.getFilePath());
    const fields = source.definition ? new FieldSet(ownFieldsOf(value), commonFields) : undefined;
    for (const rule of active) {
      if (!rule.checkDefinition) continue;
      const report = reporterFor(rule);
      rule.checkDefinition(fields ? { source, fields, config, ...attack, report } : { source, config, ...attack, report });
    }
  }
  for (const rule of active) rule.checkProject?.({ sources, cwd, config, report: reporterFor(rule) });
  findings.push(...unknownSuppressions(suppressions));
  findings.sort(compareFindings);

  keepFindings(cache, typeResult, new Set(files), definitionFiles, validated, findings, projectEntry);
  options.warm?.keep(program.project, parsedSince);
  return { findings, files, typeCheckedHere: typeCheck && workers === 0 };
}

/**
 * Stores the findings of each file checked in this run. A file's entry depends on the file, the
 * definition files it imports, and every other project file of the program (shared modules,
 * declaration files that augment the field types): what its type checking could have read.
 */
function keepFindings(
  cache: ResultCache<KnownDefinition>,
  typeResult: TypeCheckResult,
  targets: ReadonlySet<string>,
  checked: readonly SourceFile[],
  validated: ValidatedFiles,
  findings: readonly Finding[],
  projectEntry: string,
): void {
  // The program's files, not the project's: the program also holds what the targets import.
  const shared = typeResult.programFiles.filter((f) => !targets.has(f));
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const file of checked) {
    const path = file.getFilePath() as string;
    const fresh = validated.fresh.get(path);
    if (!fresh) continue;
    const own = (byFile.get(path) ?? []).filter((f) => !PROJECT_CHECK_IDS.has(f.ruleId));
    const imported = (typeResult.importsOf[path] ?? []).filter((r) => targets.has(r));
    cache.set(path, [...shared, ...imported], { id: fresh.id, findings: own });
  }
  const others = findings.filter((f) => !targets.has(f.file));
  cache.set(projectEntry, shared, { id: undefined, findings: others });
  cache.save();
}

/** True when the validated files are the files to check (every one loaded: none failed to load). */
function sameFiles(validated: readonly string[], files: readonly string[]): boolean {
  const set = new Set(validated);
  return set.size === files.length && files.every((f) => set.has(f));
}

/** The stable id of the warning for a suppression comment that names no lint rule. */
const UNKNOWN_SUPPRESSION_ID = 'unknown-suppression';

/** A directive naming a rule that does not exist turns nothing off: say so, with the likely rule. */
function unknownSuppressions(suppressions: ReadonlyMap<SourceFile, Suppressions>): Finding[] {
  const known = new Set(CHECK_RULES.map((rule) => rule.id));
  const findings: Finding[] = [];
  for (const [file, s] of suppressions) {
    for (const { ruleId, start, end } of s.unknownRuleIds(known)) {
      const suggestion = didYouMean(ruleId, known);
      findings.push({
        ruleId: UNKNOWN_SUPPRESSION_ID,
        level: 'warning',
        message: `"${ruleId}" is not a lint rule, so this comment turns nothing off`,
        file: file.getFilePath(),
        ...position(file, start, end),
        fix: suggestion !== undefined ? `did you mean "${suggestion}"?` : 'see docs/check.md for the rule ids',
      });
    }
  }
  return findings;
}

function position(file: SourceFile, start: number, end: number): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const from = file.compilerNode.getLineAndCharacterOfPosition(start);
  const to = file.compilerNode.getLineAndCharacterOfPosition(end);
  return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

function toFinding(
  rule: LintRule,
  setting: RuleSetting | undefined,
  report: Report,
  suppressions: ReadonlyMap<SourceFile, Suppressions>,
): Finding | undefined {
  const { file, start, end } = targetRange(report.target);
  if (suppressions.get(file)?.has(rule.id, start)) return undefined;
  const finding: Finding = {
    ruleId: rule.id,
    level: setting !== undefined && setting !== 'off' ? setting : (report.level ?? rule.level),
    message: report.message,
    file: file.getFilePath(),
    ...position(file, start, end),
  };
  if (report.fix) finding.fix = report.fix;
  return finding;
}

function targetRange(target: FindingTarget): { file: SourceFile; start: number; end: number } {
  if (!Node.isNode(target)) return target;
  return { file: target.getSourceFile(), start: target.getStart(), end: target.getEnd() };
}

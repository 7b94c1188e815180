import { resolve } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import { configSchema, type ResolvedConfig } from '../define/schema/config.js';
import { createCheckProgram } from './check-program.js';
import { didYouMean } from './did-you-mean.js';
import { findCheckTargets } from './check-targets.js';
import { readDefinitionSource } from './definition-source.js';
import { FieldSet, ownFieldsOf, projectDocumentFields } from './field-set.js';
import { compareFindings, type Finding } from './finding.js';
import type { FindingTarget, LintRule, Report } from './lint-rule.js';
import { resolveRuleSettings, type RuleSetting } from './rule-levels.js';
import { CHECK_RULES, LINT_RULES } from './rules/all-rules.js';
import { Suppressions } from './suppression.js';
import { typeDiagnostics, withoutDuplicates } from './type-diagnostics.js';
import { readCustomEventFields, validateDefinitionFiles, type ValidatedFiles } from '../validate/validate-definition-files.js';
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
}

export interface CheckResult {
  /** Every finding, sorted by file and position. */
  findings: Finding[];
  /** The definition files checked, absolute and sorted. */
  files: string[];
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

  const typeChecked = options.configFile ? [...files, resolve(cwd, options.configFile)] : files;
  const { project, targets, tsconfig } = createCheckProgram(cwd, typeChecked);
  const definitionFiles = targets.slice(0, files.length);
  // esbuild bundles the definitions in its own process while the type checker runs here.
  const reusable = options.validated && sameFiles(options.validated.evaluated.map((d) => d.file), files) ? options.validated : undefined;
  const validating = reusable ? Promise.resolve(reusable) : validateDefinitionFiles(files, {
    cwd,
    config,
    definitionsDir: resolve(cwd, config.definitions),
    sourceFile: (file) => project.getSourceFile(file)?.compilerNode,
  });
  const diagnostics = options.typeCheck === false ? [] : typeDiagnostics(project, targets, tsconfig ?? resolve(cwd, 'tsconfig.json'));
  const validated = await validating;
  const findings = [...validated.findings, ...withoutDuplicates(diagnostics, validated.findings)];

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
  const active = LINT_RULES.filter((rule) => settings.get(rule.id) !== 'off');
  const commonFields = projectDocumentFields(readCustomEventFields(resolve(cwd, config.definitions)));
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
  return { findings, files };
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

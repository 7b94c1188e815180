import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { idFromFileName } from '../commands/build/find-definition-files.js';
import { importTypeScriptModules, type ImportedModule } from '../commands/build/import-typescript.js';
import { projectDocumentFields } from '../check/field-set.js';
import { compareFindings, type Finding } from '../check/finding.js';
import type { RuleSetting } from '../check/rule-levels.js';
import type { ResolvedConfig } from '../define/schema/config.js';
import type { Definition } from '../define/schema/definition.js';
import { validateDefinition } from '../define/validate-definition.js';
import { displayPath } from '../check/display-path.js';
import { customFieldDeclarations } from './custom-field-declarations.js';
import type { EvaluatedDefinition } from './definition-check.js';
import { DEFINITION_CHECKS } from './definition-checks.js';
import { runDefinitionChecks, type CheckedProblem } from './run-definition-checks.js';
import { SOURCE_CHECKS } from './source-checks.js';
import type { ts } from 'ts-morph';

export interface ValidateFilesOptions {
  /** Where the command runs: messages name files relative to it. */
  cwd: string;
  config: ResolvedConfig;
  /** The definitions folder (absolute): its files may declare CustomEventFields. */
  definitionsDir: string;
  /** The parsed source of a file, when the caller has one (`check` does); else it is read and parsed here. */
  sourceFile?: (file: string) => ts.SourceFile | undefined;
}

export interface ValidatedFiles {
  /** Every finding of the definition checks, sorted, each at file:line:col. */
  findings: Finding[];
  /** Each loaded definition, as the checks saw it. */
  evaluated: EvaluatedDefinition[];
  /** Definitions the schema accepted, by absolute file, with the config defaults applied. */
  valid: Map<string, Definition>;
}

/**
 * The one validation path of `build`, `check` and `test`: loads the definition modules with
 * the loader `build` uses, runs `DEFINITION_CHECKS` over them, and places each problem at
 * file:line:col. Reads files; the checks themselves are pure.
 */
export async function validateDefinitionFiles(files: readonly string[], options: ValidateFilesOptions): Promise<ValidatedFiles> {
  const imported = await importTypeScriptModules([...files], options.cwd);
  const loadFindings: Finding[] = [];
  const evaluated: EvaluatedDefinition[] = [];
  const valid = new Map<string, Definition>();
  for (const m of imported) {
    if (!m.ok) {
      loadFindings.push(loadFailure(m));
      continue;
    }
    const value = m.exports.default;
    const validation = validateDefinition(value, undefined, options.config);
    if (validation.ok) valid.set(m.file, validation.definition);
    evaluated.push({ file: m.file, shownAs: displayPath(options.cwd, m.file), baseName: idFromFileName(m.file), value, validation });
  }
  const settings = settingsOf(options.config);
  const problems = runDefinitionChecks(evaluated, {
    config: options.config,
    commonFields: projectDocumentFields(readCustomEventFields(options.definitionsDir)),
    settings,
  });
  const findings = [...loadFindings, ...(await placeAndCheckSources(files, problems, settings, options.sourceFile))];
  return { findings: findings.sort(compareFindings), evaluated, valid };
}

/** `check.rules` for these checks; ids of other rules are `check`'s to validate. */
function settingsOf(config: ResolvedConfig): Map<string, RuleSetting | undefined> {
  return new Map([...DEFINITION_CHECKS, ...SOURCE_CHECKS].map((c) => [c.id, 'required' in c && c.required ? undefined : config.check.rules[c.id]]));
}

function loadFailure(m: Extract<ImportedModule, { ok: false }>): Finding {
  return {
    ruleId: 'definition-schema',
    level: 'error',
    message: m.location ? `the file does not parse: ${m.message.replace(/^\d+:\d+: /, '')}` : `the file cannot be loaded: ${m.message}`,
    fix: m.location
      ? 'the file cannot be read from here on: look for a missing comma, bracket or quote'
      : 'a definition module must load without failing: compute nothing at import time that can throw',
    file: m.file,
    line: m.location?.line ?? 1,
    column: m.location?.column ?? 1,
  };
}

/**
 * Places the definition checks' problems in the source and runs the source checks. Files are
 * parsed only when they have a problem or a source check may report on their text, and the
 * parser loads only then: a clean build of ordinary files never loads it.
 */
async function placeAndCheckSources(
  files: readonly string[],
  problems: readonly CheckedProblem[],
  settings: ReadonlyMap<string, RuleSetting | undefined>,
  sourceFile: ValidateFilesOptions['sourceFile'],
): Promise<Finding[]> {
  const byFile = new Map<string, CheckedProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const active = SOURCE_CHECKS.filter((c) => settings.get(c.id) !== 'off');
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = sourceFile?.(file)?.text ?? readSource(file);
    if (text !== undefined && (byFile.has(file) || active.some((c) => c.mayReport(text)))) texts.set(file, text);
  }
  if (texts.size === 0) return [];
  const [{ locateProblems }, { runSourceChecks }, { Suppressions }, { ts }] = await Promise.all([
    import('./locate-problems.js'),
    import('./run-source-checks.js'),
    import('../check/suppression.js'),
    import('ts-morph'),
  ]);
  const findings: Finding[] = [];
  for (const [file, text] of texts) {
    const sf = sourceFile?.(file) ?? ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const suppressions = Suppressions.of(sf);
    findings.push(...locateProblems(sf, byFile.get(file) ?? [], suppressions), ...runSourceChecks(ts, sf, active, settings, suppressions));
  }
  return findings;
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Field names declared by augmenting `CustomEventFields` in the definitions folder's TypeScript
 * files (e.g. `definitions/_fields.d.ts`), at any depth.
 */
export function readCustomEventFields(definitionsDir: string): Set<string> {
  const names = new Set<string>();
  let entries;
  try {
    entries = readdirSync(definitionsDir, { recursive: true, withFileTypes: true });
  } catch {
    return names;
  }
  for (const e of entries) {
    if (!e.isFile() || !/\.m?ts$/.test(e.name)) continue;
    const full = path.join(e.parentPath, e.name);
    if (full.includes(`${path.sep}node_modules${path.sep}`)) continue;
    // An unreadable file declares nothing here; a definition among them is reported by the loader.
    const text = readSource(full);
    if (text !== undefined) for (const name of customFieldDeclarations(text)) names.add(name);
  }
  return names;
}

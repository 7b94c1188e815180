import { readdirSync } from 'node:fs';
import { ContentHashes } from '../cache/content-hashes.js';
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
  /**
   * Files whose checks ran before on the same content (from the result cache): they are not
   * loaded or checked again; only the checks across definitions (unique ids) see them. @default none
   */
  known?: ReadonlyMap<string, KnownDefinition>;
  /** Reads each file once per run. @default a fresh one */
  hashes?: ContentHashes;
}

/** What an earlier run found in a file: its definition's id and its own findings (the per-file checks). */
export interface KnownDefinition {
  id: string | undefined;
  findings: Finding[];
}

/** A file loaded and checked in this run: what the cache keeps of it, and the files it was computed from. */
export interface FreshDefinition extends KnownDefinition {
  deps: string[];
}

export interface ValidatedFiles {
  /** Every finding of the definition checks, sorted, each at file:line:col. */
  findings: Finding[];
  /** Each loaded definition, as the checks saw it. */
  evaluated: EvaluatedDefinition[];
  /** Definitions the schema accepted, by absolute file, with the config defaults applied (not the known files). */
  valid: Map<string, Definition>;
  /** Each file that loaded in this run (not the known files), as the cache keeps it. */
  fresh: Map<string, FreshDefinition>;
}

/**
 * The one validation path of `build`, `check` and `test`: loads the definition modules with
 * the loader `build` uses, runs `DEFINITION_CHECKS` over them, and places each problem at
 * file:line:col. Reads files; the checks themselves are pure.
 */
export async function validateDefinitionFiles(files: readonly string[], options: ValidateFilesOptions): Promise<ValidatedFiles> {
  const known = options.known ?? new Map<string, KnownDefinition>();
  const hashes = options.hashes ?? new ContentHashes();
  const loading = files.filter((f) => !known.has(f));
  const loadFindings: Finding[] = [];
  const evaluated: EvaluatedDefinition[] = [];
  const valid = new Map<string, Definition>();
  const deps = new Map<string, string[]>();
  const check = (modules: ImportedModule[]) => {
    for (const m of modules) {
      if (!m.ok) {
        loadFindings.push(loadFailure(m));
        continue;
      }
      const value = m.exports.default;
      const validation = validateDefinition(value, undefined, options.config);
      if (validation.ok) valid.set(m.file, validation.definition);
      deps.set(m.file, m.deps);
      evaluated.push({ file: m.file, shownAs: displayPath(options.cwd, m.file), baseName: idFromFileName(m.file), value, validation });
    }
  };
  // Each bundle of definitions is checked here while esbuild bundles the next.
  if (loading.length > 0) await importTypeScriptModules(loading, options.cwd, check);
  const settings = settingsOf(options.config);
  const problems = runDefinitionChecks(evaluated, {
    config: options.config,
    commonFields: projectDocumentFields(readCustomEventFields(options.definitionsDir, hashes)),
    settings,
    projectScope: inFileOrder(files, evaluated, known, options.cwd),
  });
  const checked = await placeAndCheckSources(new Set(deps.keys()), problems, settings, options.sourceFile, hashes);
  const fresh = new Map<string, FreshDefinition>();
  for (const d of evaluated) {
    const id = (d.value as { id?: unknown } | null)?.id;
    const own = checked.filter((f) => f.file === d.file && !PROJECT_CHECK_IDS.has(f.ruleId));
    fresh.set(d.file, { id: typeof id === 'string' ? id : undefined, findings: own, deps: deps.get(d.file)! });
  }
  const findings = [...loadFindings, ...checked, ...[...known.values()].flatMap((k) => k.findings)];
  return { findings: findings.sort(compareFindings), evaluated, valid, fresh };
}

/** Checks across definitions: their findings depend on other files, so they run every time. */
export const PROJECT_CHECK_IDS = new Set(DEFINITION_CHECKS.filter((c) => c.checkProject).map((c) => c.id));

function inFileOrder(
  files: readonly string[],
  evaluated: readonly EvaluatedDefinition[],
  known: ReadonlyMap<string, KnownDefinition>,
  cwd: string,
): EvaluatedDefinition[] {
  if (known.size === 0) return [...evaluated];
  const byFile = new Map(evaluated.map((d) => [d.file, d]));
  return files.flatMap((f) => {
    const k = known.get(f);
    const d = k ? knownStandIn(f, k, cwd) : byFile.get(f);
    return d ? [d] : [];
  });
}

/** A known file as the checks across definitions see it: its id, nothing to check on its own. */
function knownStandIn(file: string, known: KnownDefinition, cwd: string): EvaluatedDefinition {
  return {
    file,
    // Named in a message only when its id is taken twice: not worked out for thousands of files.
    get shownAs() {
      return displayPath(cwd, file);
    },
    baseName: idFromFileName(file),
    value: { id: known.id },
    validation: { ok: false, issues: [] },
  };
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
  loaded: ReadonlySet<string>,
  problems: readonly CheckedProblem[],
  settings: ReadonlyMap<string, RuleSetting | undefined>,
  sourceFile: ValidateFilesOptions['sourceFile'],
  hashes: ContentHashes,
): Promise<Finding[]> {
  const byFile = new Map<string, CheckedProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const active = SOURCE_CHECKS.filter((c) => settings.get(c.id) !== 'off');
  const texts = new Map<string, string>();
  // Source checks run on the files loaded now; a known file is parsed only to place a new problem.
  for (const file of new Set([...loaded, ...byFile.keys()])) {
    const text = sourceFile?.(file)?.text ?? hashes.text(file);
    const checkSource = loaded.has(file) && active.some((c) => c.mayReport(text ?? ''));
    if (text !== undefined && (byFile.has(file) || checkSource)) texts.set(file, text);
  }
  if (texts.size === 0) return [];
  const [{ locateProblems }, { runSourceChecks }, { Suppressions }, { ts }] = await Promise.all([
    import('./locate-problems.js'),
    import('./run-source-checks.js'),
    import('../check/suppression.js'),
    import('../check/ts-morph.cjs'),
  ]);
  const findings: Finding[] = [];
  for (const [file, text] of texts) {
    const sf = sourceFile?.(file) ?? ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const suppressions = Suppressions.of(sf);
    findings.push(...locateProblems(sf, byFile.get(file) ?? [], suppressions));
    if (loaded.has(file)) findings.push(...runSourceChecks(ts, sf, active, settings, suppressions));
  }
  return findings;
}

/**
 * Field names declared by augmenting `CustomEventFields` in the definitions folder's TypeScript
 * files (e.g. `definitions/_fields.d.ts`), at any depth.
 */
export function readCustomEventFields(definitionsDir: string, hashes = new ContentHashes()): Set<string> {
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
    for (const name of hashes.derived(full, 'customFieldDeclarations', (text) => (text === undefined ? [] : customFieldDeclarations(text)))) names.add(name);
  }
  return names;
}

import { projectDocumentFields } from '../../check/field-set.js';
import { configSchema, type ResolvedConfig } from '../../define/schema/config.js';
import { validateDefinition } from '../../define/validate-definition.js';
import type { EvaluatedDefinition } from '../../validate/definition-check.js';
import { runDefinitionChecks } from '../../validate/run-definition-checks.js';
import { definitionIdOf } from './definition-id.js';
import { formatDefinition } from './format-definition.js';
import type { ImportNote, ImportReport, RuleImport } from './import-result.js';
import { statusOf } from './import-result.js';
import { inferEventFields } from './infer-event-fields.js';
import { readRuleText, type RuleText } from './read-rule-text.js';
import { resolveImports } from './resolve-imports.js';
import { ruleToDefinition } from './rule-to-definition.js';
import type { SigmaMetadata } from './sigma-metadata.js';

export interface ImportPlanInput {
  /** Rule files, absolute, in the order to report them. */
  files: readonly string[];
  /** The text of a file, or undefined when it cannot be read. The only way the plan reads files. */
  readText(file: string): string | undefined;
  /** How a file is named in the report and the definition's header. */
  shownAs(file: string): string;
  xsoarType?: string | undefined;
  /** Sigma metadata by rule title (`--sigma`). */
  sigma?: ReadonlyMap<string, SigmaMetadata>;
}

export interface ImportPlan {
  report: ImportReport;
  /** Definition file name -> text, for the rules that were imported. */
  outputs: Map<string, string>;
}

let validationConfig: ResolvedConfig | undefined;
let ecsFields: ReadonlySet<string> | undefined;

/**
 * Imports rule files into definition texts. Pure apart from `readText`: no writes, no clock.
 * Files only imported by other rules (`import:` bases without a name or type) are listed as
 * bases, not as rules.
 */
export function planImport(input: ImportPlanInput): Omit<ImportPlan, 'report'> & { report: Omit<ImportReport, 'dryRun'> } {
  const cache = new Map<string, RuleText>();
  const read = (file: string): RuleText => {
    let text = cache.get(file);
    if (text === undefined) {
      const raw = input.readText(file);
      text = raw === undefined ? { ok: false, reason: 'the file cannot be read' } : readRuleText(raw);
      cache.set(file, text);
    }
    return text;
  };
  const readValue = (file: string) => {
    const r = read(file);
    return r.ok ? { ok: true as const, value: r.value } : r;
  };

  const resolved = new Map(input.files.map((file) => [file, resolveImports(file, readValue)]));
  const imported = new Set<string>();
  for (const r of resolved.values()) if (r.ok) for (const base of r.bases) imported.add(base);
  const bases = input.files.filter((file) => {
    const r = read(file);
    const v = r.ok ? (r.value as Record<string, unknown> | null) : null;
    return imported.has(file) && (v === null || typeof v !== 'object' || v.name === undefined || v.type === undefined);
  });

  const rules: RuleImport[] = [];
  const outputs = new Map<string, string>();
  const ids = new Set<string>();
  for (const file of input.files) {
    if (bases.includes(file)) continue;
    const shown = input.shownAs(file);
    const r = resolved.get(file)!;
    if (!r.ok) {
      rules.push({ file: shown, status: 'not-imported', reason: r.reason, notes: [] });
      continue;
    }
    const notes: ImportNote[] = [];
    const chain = [file, ...r.bases];
    const own = read(file);
    if (own.ok && own.repeatedKeys.includes('name')) {
      rules.push({ file: shown, status: 'not-imported', reason: 'several rules in one file (name is written more than once): convert with one file per rule (sigma convert --output-dir)', notes: [] });
      continue;
    }
    for (const f of chain) {
      const t = read(f);
      if (!t.ok) continue;
      const where = f === file ? '' : ` (in ${input.shownAs(f)})`;
      if (t.repeatedKeys.length > 0) notes.push({ option: t.repeatedKeys[0], message: `${t.repeatedKeys.join(', ')} written more than once${where}: ElastAlert keeps the last, and so does the import` });
      if (t.variables.length > 0) {
        notes.push({ message: `$${t.variables.join(', $')}${where}: ElastAlert 2 expands these from its environment (0.2.4 does not); imported as written` });
      }
    }
    if (r.listImport) notes.push({ option: 'import', message: 'import: is a list, which only ElastAlert 2 reads (Yelp 0.2.4 cannot load the original)' });
    if (r.bases.length > 0) notes.push({ option: 'import', message: `inherits from ${r.bases.map(input.shownAs).join(', ')}: the definition holds the merged rule` });

    let id = definitionIdOf(file);
    if (ids.has(id)) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n += 1;
      notes.push({ message: `id ${id} is taken by another rule of this import: this one is ${id}-${n}` });
      id = `${id}-${n}`;
    }
    const name = typeof r.rule.name === 'string' ? r.rule.name : undefined;
    const converted = ruleToDefinition(r.rule, { id, xsoarType: input.xsoarType, sigma: name === undefined ? undefined : input.sigma?.get(name) });
    notes.push(...converted.notes);
    if (!converted.ok) {
      rules.push({ file: shown, status: 'not-imported', id, reason: converted.reason, notes });
      continue;
    }
    const definition = withEventFields(converted.definition);
    const verdict = verify(definition, id, file);
    if (verdict.reason !== undefined) {
      rules.push({ file: shown, status: 'not-imported', id, reason: verdict.reason, notes });
      continue;
    }
    notes.push(...verdict.notes);
    ids.add(id);
    outputs.set(`${id}.ts`, formatDefinition(definition, `// Imported by alertsmith import from ${shown}\n`));
    const entry: RuleImport = { file: shown, status: statusOf(notes), id, notes };
    if (definition.eventFields !== undefined) entry.eventFields = definition.eventFields as Record<string, string>;
    rules.push(entry);
  }
  return { report: { rules, bases: bases.map(input.shownAs) }, outputs };
}

/** eventFields goes just before xsoar, as in the schema. */
function withEventFields(draft: Record<string, unknown>): Record<string, unknown> {
  const eventFields = inferEventFields(draft);
  if (Object.keys(eventFields).length === 0) return draft;
  const { xsoar, ...rest } = draft;
  return { ...rest, eventFields, ...(xsoar === undefined ? {} : { xsoar }) };
}

/**
 * The definition through the checks `build` runs. A schema problem outside `xsoar` means the rule
 * was not carried faithfully: not imported. What check reports otherwise (an incomplete xsoar
 * block, a query check rejects) is written, with the findings as notes.
 */
function verify(definition: Record<string, unknown>, id: string, file: string): { reason?: string; notes: ImportNote[] } {
  validationConfig ??= configSchema.parse({});
  ecsFields ??= projectDocumentFields(new Set());
  // A missing xsoar block is the user's to complete: judge the rest with a stand-in.
  const complete = definition.xsoar === undefined ? { ...definition, xsoar: { type: 'stand-in', severity: 'unknown' } } : definition;
  const blocking = validateDefinition(complete, id, validationConfig);
  if (!blocking.ok) {
    const issues = blocking.issues.filter((i) => i.at[0] !== 'xsoar');
    if (issues.length > 0) return { reason: issues.map((i) => i.message).join('; '), notes: [] };
  }
  const validation = complete === definition ? blocking : validateDefinition(definition, id, validationConfig);
  const evaluated: EvaluatedDefinition = { file, shownAs: file, baseName: id, value: definition, validation };
  const problems = runDefinitionChecks([evaluated], { config: validationConfig, commonFields: ecsFields, settings: new Map() });
  const notes = problems.map((p) => ({ option: String(p.path[0] ?? ''), message: `check ${p.level}: ${p.message} [${p.ruleId}]` }));
  return { notes: notes.map((n) => (n.option === '' ? { message: n.message } : n)) };
}

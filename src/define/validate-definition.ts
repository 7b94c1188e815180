import type { z } from 'zod';
import type { ResolvedConfig } from './schema/config.js';
import { definitionSchema, type Definition } from './schema/definition.js';
import { findNonPlainValue } from './plain-data.js';
import { DEFAULT_TIMESTAMP_FIELD } from '../incident/command-flags.js';

/** One thing wrong with a definition, at a property path such as `xsoar.labels[0]`. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; definition: Definition } | { ok: false; issues: DefinitionIssue[] };

/** ElastAlert's own default, written out so that every rule says what it does. */
export const DEFAULT_REALERT = { minutes: 1 } as const;


/**
 * Validates what a definition module exported: plain data, the schema, the config's defaults
 * applied, an index known, and the id equal to the file name. Collects every issue.
 */
export function validateDefinition(exported: unknown, expectedId: string, config: ResolvedConfig): ValidationResult {
  const nonPlain = findNonPlainValue(exported);
  if (nonPlain) {
    return { ok: false, issues: [{ path: formatPath(nonPlain.path), message: `is ${nonPlain.kind}: a definition must be plain data` }] };
  }
  const parsed = definitionSchema.safeParse(exported);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap(toIssues) };

  const d = config.defaults;
  const definition: Definition = {
    ...parsed.data,
    index: parsed.data.index ?? d.index,
    realert: parsed.data.realert ?? d.realert ?? DEFAULT_REALERT,
    timestamp_field: parsed.data.timestamp_field ?? d.timestamp_field ?? DEFAULT_TIMESTAMP_FIELD,
    owner: parsed.data.owner ?? d.owner,
  };
  const issues: DefinitionIssue[] = [];
  if (definition.index === undefined) {
    issues.push({ path: 'index', message: 'no index: set index here, or defaults.index in alertsmith.config.ts' });
  }
  if (definition.id !== expectedId) {
    issues.push({ path: 'id', message: `is "${definition.id}" but the file is named "${expectedId}": they must be equal` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition };
}

/** `xsoar.labels[0]`: dots between names, brackets around indexes. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(the definition)' : out;
}

function toIssues(issue: z.core.$ZodIssue): DefinitionIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: 'is not a known property (a typo?)',
    }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path: formatPath(issue.path), message: `is required (${issue.expected})` }];
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}

import type { ResolvedConfig } from './schema/config.js';
import { definitionSchema, type Definition } from './schema/definition.js';
import { findNonPlainValue } from './plain-data.js';
import { formatPath, schemaIssues, type SchemaIssue } from './schema-issues.js';
import { DEFAULT_TIMESTAMP_FIELD } from '../incident/command-flags.js';
import { commandArguments } from '../compile/command.js';
import { commandLimitIssues } from '../compile/command-limits.js';
import { findLoneSurrogates, LONE_SURROGATE_MESSAGE } from './lone-surrogates.js';

export type DefinitionIssue = SchemaIssue;

export type ValidationResult = { ok: true; definition: Definition } | { ok: false; issues: DefinitionIssue[] };

/** ElastAlert's own default, written out so that every rule says what it does. */
export const DEFAULT_REALERT = { minutes: 1 } as const;

/**
 * Validates what a definition module exported: plain data, no lone UTF-16 surrogate anywhere,
 * the schema, the config's defaults applied, an index known, the id equal to the file name, and
 * a command Linux can execute. Collects every issue. `build`, `test` and the testing helper run it.
 */
export function validateDefinition(exported: unknown, expectedId: string, config: ResolvedConfig): ValidationResult {
  const nonPlain = findNonPlainValue(exported);
  if (nonPlain) {
    return { ok: false, issues: [{ path: formatPath(nonPlain.path), message: `is ${nonPlain.kind}: a definition must be plain data` }] };
  }
  const surrogates = findLoneSurrogates(exported).map((path) => ({ path: formatPath(path), message: LONE_SURROGATE_MESSAGE }));
  const parsed = definitionSchema.safeParse(exported);
  if (!parsed.success) {
    // The schema refuses surrogates in some fields too: each path is reported once.
    const reported = new Set(surrogates.map((i) => i.path));
    const rest = schemaIssues(parsed.error).filter((i) => !(i.message === LONE_SURROGATE_MESSAGE && reported.has(i.path)));
    return { ok: false, issues: [...surrogates, ...rest] };
  }
  if (surrogates.length > 0) return { ok: false, issues: surrogates };

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
  if (issues.length === 0) issues.push(...commandLimitIssues(commandArguments(definition, config.runtime)));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition };
}

import type { ResolvedConfig } from './schema/config.js';
import { definitionSchema, type Definition } from './schema/definition.js';
import { findNonPlainValue } from './plain-data.js';
import { formatPath, schemaIssues, type SchemaIssue } from './schema-issues.js';
import { DEFAULT_TIMESTAMP_FIELD } from '../incident/command-flags.js';

export type DefinitionIssue = SchemaIssue;

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
  if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.error) };

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

import type { ResolvedConfig } from './schema/config.js';
import { attackSchema } from './schema/attack.js';
import { definitionKeys, definitionSchema, type Definition } from './schema/definition.js';
import { expectedIncidentSchema, testCaseSchema, testExpectationSchema } from './schema/test-case.js';
import { xsoarSchema } from './schema/xsoar.js';
import { findNonPlainValue } from './plain-data.js';
import { formatPath, schemaIssues, type IssueContext, type PropertyPath, type SchemaIssue } from './schema-issues.js';
import { DEFAULT_TIMESTAMP_FIELD } from '../incident/command-flags.js';
import { isRecord } from '../incident/field-lookup.js';
import { commandArguments } from '../compile/command.js';
import { commandLimitIssues } from '../compile/command-limits.js';
import { findLoneSurrogates, LONE_SURROGATE_MESSAGE } from './lone-surrogates.js';
import { RULE_TYPE_NAMES, type RuleTypeName } from '../incident/match-fields.js';

export type DefinitionIssue = SchemaIssue;

export type ValidationResult = { ok: true; definition: Definition } | { ok: false; issues: DefinitionIssue[] };

/** ElastAlert's own default, written out so that every rule says what it does. */
export const DEFAULT_REALERT = { minutes: 1 } as const;

/**
 * Validates what a definition module exported: plain data, no lone UTF-16 surrogate anywhere,
 * the schema, the config's defaults applied, an index known, (when `expectedId` is given) the id
 * equal to the file name, and a command Linux can execute. Collects every issue. `build`, `check`,
 * `test` and the testing helper run it.
 */
export function validateDefinition(exported: unknown, expectedId: string | undefined, config: ResolvedConfig): ValidationResult {
  const nonPlain = findNonPlainValue(exported);
  if (nonPlain) {
    return {
      ok: false,
      issues: [{
        path: formatPath(nonPlain.path),
        at: nonPlain.path,
        message: `${formatPath(nonPlain.path)} is ${nonPlain.kind}: a definition must be plain data`,
        fix: 'write the value out as text, numbers, booleans, lists and objects',
      }],
    };
  }
  // `tests` is never written into the rule, and its sample events are most of a real definition's
  // text (a tenth of build's time on a project whose detections carry 10-30 events a case).
  const ruleParts = isRecord(exported) ? Object.fromEntries(Object.entries(exported).filter(([key]) => key !== 'tests')) : exported;
  const surrogates = findLoneSurrogates(ruleParts).map((path) => ({
    path: formatPath(path),
    at: path,
    message: `${formatPath(path)} ${LONE_SURROGATE_MESSAGE}`,
    fix: 'write the character whole (a surrogate pair), or remove it',
  }));
  const parsed = definitionSchema.safeParse(exported, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: [...surrogates, ...schemaIssues(parsed.error, issueContext(exported))] };
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
    issues.push({
      path: '(top level)',
      at: [],
      message: 'no index: neither this definition nor the config defaults name the indices to search',
      fix: "add e.g. index: 'logs-*', or defaults.index in alertsmith.config.ts",
    });
  }
  if (expectedId !== undefined && definition.id !== expectedId) issues.push(idMismatch(definition.id, expectedId));
  if (issues.length === 0) issues.push(...commandLimitIssues(commandArguments(definition, config.runtime)));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition };
}

/** Generated files are named after ids; a file named after its id is found by its id. */
export function idMismatch(id: string, expectedId: string): DefinitionIssue {
  return {
    path: 'id',
    at: ['id'],
    message: `the id "${id}" differs from the file name "${expectedId}"`,
    fix: `rename the file to ${id}.ts or set id: '${expectedId}'`,
  };
}

/** Known property names by place, and the rule type, for the messages. */
function issueContext(exported: unknown): IssueContext {
  const type = (exported as { type?: unknown } | null)?.type;
  const ruleType = typeof type === 'string' && (RULE_TYPE_NAMES as string[]).includes(type) ? (type as RuleTypeName) : undefined;
  return {
    knownKeys: (path: PropertyPath) => {
      const where = path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');
      switch (where) {
        case '':
          return ruleType ? definitionKeys(ruleType) : undefined;
        case 'xsoar':
          return Object.keys(xsoarSchema.shape);
        case 'attack':
          return Object.keys(attackSchema.shape);
        case 'tests.[]':
          return Object.keys(testCaseSchema.shape);
        case 'tests.[].expect':
          return Object.keys(testExpectationSchema.shape);
        case 'tests.[].expect.incident':
          return Object.keys(expectedIncidentSchema.shape);
      }
      return undefined;
    },
    optionOf: (key) => {
      const types = RULE_TYPE_NAMES.filter((t) => t !== ruleType && definitionKeys(t).includes(key));
      return types.length > 0 ? `type ${types.join(', ')}` : undefined;
    },
    ownerOf: (path) => (path.length === 0 && ruleType ? `type ${ruleType}` : undefined),
  };
}

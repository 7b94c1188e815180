import type { PropertyPath, SchemaIssue } from '../define/schema-issues.js';
import type { CommandArgument } from './command.js';

/**
 * Linux refuses to execute a command with one argument longer than MAX_ARG_STRLEN (131,072
 * bytes, counting the terminating NUL), or with arguments and environment together over ARG_MAX
 * (a quarter of the stack limit, 2 MiB by default). ElastAlert would then fail every alert of the
 * rule before the runtime starts, and nothing would be kept.
 */
export const MAX_ARGUMENT_BYTES = 131_072;

/**
 * The budget for the whole command (every argument's UTF-8 bytes, each with its NUL): well below
 * ARG_MAX, to leave room for ElastAlert's environment, which shares that limit.
 */
export const MAX_COMMAND_BYTES = 64 * 1024;

/** Why a command could not be executed, one issue per argument too long and one for the total. */
export function commandLimitIssues(argv: CommandArgument[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  let total = 0;
  for (const { text, field } of argv) {
    const bytes = Buffer.byteLength(text, 'utf8') + 1;
    total += bytes;
    if (bytes > MAX_ARGUMENT_BYTES) {
      issues.push({
        path: field,
        at: definitionPath(field),
        message: `${field} makes a command argument of ${bytes} bytes (with its terminating NUL); Linux refuses to run a command with an argument over ${MAX_ARGUMENT_BYTES} bytes (MAX_ARG_STRLEN), so every alert of this rule would fail: shorten it`,
      });
    }
  }
  if (total > MAX_COMMAND_BYTES && issues.length === 0) {
    const largest = [...argv].sort((a, b) => Buffer.byteLength(b.text) - Buffer.byteLength(a.text))[0]!;
    issues.push({
      path: largest.field,
      at: definitionPath(largest.field),
      message: `the rule's command takes ${total} bytes, over alertsmith's budget of ${MAX_COMMAND_BYTES} bytes (kept below Linux's ARG_MAX, which ElastAlert's environment shares); this is its largest argument: shorten it`,
    });
  }
  return issues;
}

/**
 * Where an argument's text comes from in the definition, for its file:line:col: `xsoar.name`,
 * `xsoar.customFields.<key>` (a key may hold dots); a config setting points at the definition's top.
 */
function definitionPath(field: string): PropertyPath {
  if (field.endsWith('(alertsmith.config.ts)')) return [];
  const [first, second, ...rest] = field.split('.');
  return [first!, ...(second !== undefined ? [second] : []), ...(rest.length > 0 ? [rest.join('.')] : [])];
}

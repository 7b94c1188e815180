import type { z } from 'zod';
import { didYouMean } from '../check/did-you-mean.js';

/** A property path as data: `['xsoar', 'labels', 0]`. */
export type PropertyPath = readonly (string | number)[];

/** One thing wrong with a definition or config, at a property path such as `xsoar.labels[0]`. */
export interface SchemaIssue {
  /** The path as text, `xsoar.labels[0]`, or `(top level)`. */
  path: string;
  /** The path as data, for finding the place in the source. */
  at: PropertyPath;
  /** True when the problem is the property's name (an unknown key), not its value. */
  key?: boolean;
  /** What is wrong, in the author's words. */
  message: string;
  /** What to write instead, when there is a clear answer. */
  fix?: string;
}

/** What the messages may say about the value being validated. */
export interface IssueContext {
  /** The property names an object at `path` may have (for "did you mean" on an unknown key). */
  knownKeys?: (path: PropertyPath) => readonly string[] | undefined;
  /** What the top level is called in messages. @default 'this definition' */
  topLevel?: string;
  /** The rule types a property is an option of, when it is not one of the definition's own. */
  optionOf?: (key: string) => string | undefined;
  /** What a missing property is missing for: "type frequency" for a definition's top level. */
  ownerOf?: (path: PropertyPath) => string | undefined;
}

/** `xsoar.labels[0]`: dots between names, brackets around indexes. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** zod's own texts start so; ours (the schema's messages) never do. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized|Expected|Input not)/;

/**
 * zod's issues as lines a person can act on: one per problem, each naming the property and,
 * where there is one, the fix. Parse with `{ reportInput: true }`: the messages quote the value.
 */
export function schemaIssues(error: z.ZodError, context: IssueContext = {}): SchemaIssue[] {
  const issues = error.issues as ZodIssueLike[];
  return issues.filter((issue) => !followsFromTypo(issue, issues)).flatMap((issue) => describeIssue(issue, [], context));
}

/**
 * A "needs a or b" issue caused by a misspelled key (`alert: 1` in `expect`, so no `alerts`):
 * the unknown key's "did you mean" is the one finding that problem gets.
 */
function followsFromTypo(issue: ZodIssueLike, all: readonly ZodIssueLike[]): boolean {
  if (issue.code !== 'custom') return false;
  const named = issue.message.match(/[A-Za-z_]+/g) ?? [];
  return all.some(
    (other) =>
      other.code === 'unrecognized_keys' &&
      (samePath(other.path, issue.path) || samePath(other.path, issue.path.slice(0, -1))) &&
      (other.keys ?? []).some((key) => didYouMean(key, named) !== undefined),
  );
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** The parts of zod 4's issues this module reads. */
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  options?: unknown[];
  note?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  pattern?: string;
  issues?: ZodIssueLike[];
  errors?: ZodIssueLike[][];
}

function describeIssue(issue: ZodIssueLike, prefix: PropertyPath, context: IssueContext): SchemaIssue[] {
  const at = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  const name = formatPath(at);
  // What messages call the value as a whole: the definition, or what the caller validates (the config).
  const whole = context.topLevel ?? 'the definition';
  const subject = (n: string): string => (n === '(top level)' ? whole : n);
  const make = (message: string, fix?: string, key?: boolean): SchemaIssue => ({
    path: name,
    at,
    message,
    ...(fix !== undefined ? { fix } : {}),
    ...(key ? { key } : {}),
  });
  const custom = !ZOD_DEFAULT_MESSAGE.test(issue.message);
  const missing = issue.input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom';

  switch (missing ? 'missing' : issue.code) {
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) => {
        const known = context.knownKeys?.(at) ?? [];
        const suggestion = didYouMean(key, known);
        const keyPath = formatPath([...at, key]);
        const elsewhere = context.optionOf?.(key);
        if (elsewhere && at.length === 0) {
          return { path: keyPath, at: [...at, key], key: true, message: `"${key}" is an option of ${elsewhere}, not of this rule type`, fix: `remove ${key}, or change the type to one that has it` };
        }
        return {
          path: keyPath,
          at: [...at, key],
          key: true,
          message: `"${key}" is not a property ${at.length === 0 ? `of ${context.topLevel ?? 'this definition'}` : `of ${subject(name)}`}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
          fix: suggestion ? `rename it to ${suggestion}` : known.length > 0 ? `remove it; the properties here are ${known.join(', ')}` : 'remove it',
        };
      });
    case 'missing':
    case 'invalid_type': {
      if (issue.input === undefined || missing) {
        const parent = at.slice(0, -1);
        const last = String(at.at(-1) ?? whole);
        if (at.length === 0) return [make('the file has no default export, so there is no definition in it', 'write `export default defineAlert({ ... })`, or move the file out of the definitions folder')];
        const owner = context.ownerOf?.(parent) ?? (parent.length === 0 ? whole : formatPath(parent));
        return [{ path: formatPath(parent), at: parent, message: `${last} is missing: ${owner} needs it`, fix: `add ${last}${EXAMPLE_VALUES[last] ? `, e.g. ${last}: ${EXAMPLE_VALUES[last]}` : ''}` }];
      }
      const expected = EXPECTED_TEXT[issue.expected ?? ''] ?? issue.expected ?? 'something else';
      return [make(`${subject(name)} is ${describeValue(issue.input)}; it must be ${expected}`, hintFor(issue.expected))];
    }
    case 'invalid_value':
      return [oneOf(make, subject(name), issue.input, issue.values ?? [])];
    case 'invalid_union': {
      if (issue.note === 'No matching discriminator') {
        const value = (issue.input as Record<string, unknown> | undefined)?.[String(at.at(-1))];
        return [oneOf(make, subject(name), value, issue.options ?? [])];
      }
      const branches = issue.errors ?? [];
      const allValues = branches.every((b) => b.length === 1 && b[0]!.code === 'invalid_value' && b[0]!.path.length === 0);
      if (branches.length > 0 && allValues) return [oneOf(make, subject(name), issue.input, branches.flatMap((b) => b[0]!.values ?? []))];
      if (custom) return [make(withSubject(name, issue.message))];
      // No message of ours: report the branch that got furthest (fewest issues, deepest path).
      const best = [...branches].sort((a, b) => a.length - b.length || depth(b) - depth(a))[0];
      if (best && best.length > 0) return best.flatMap((i) => describeIssue(i, at, context));
      return [make(`${subject(name)} is ${describeValue(issue.input)}, which is not allowed here`)];
    }
    case 'invalid_key': {
      const inner = issue.issues?.[0];
      const parent = at.slice(0, -1);
      const keyText = String(issue.input ?? at.at(-1));
      const reason = inner && !ZOD_DEFAULT_MESSAGE.test(inner.message) ? inner.message : 'the name is not allowed';
      const lowered = keyText.toLowerCase().replace(/[^a-z0-9_]/g, '');
      const fix = parent.at(-1) === 'customFields' && lowered !== '' ? `write "${lowered}" (XSOAR's machine name of the field)` : undefined;
      return [make(`${formatPath(parent)} has the name "${keyText}": ${reason}`, fix, true)];
    }
    case 'invalid_format': {
      if (!custom || typeof issue.input !== 'string') break;
      const pattern = typeof issue.pattern === 'string' ? new RegExp(issue.pattern.replace(/^\/|\/[a-z]*$/g, '')) : undefined;
      const fixed = [issue.input.trim().toUpperCase(), issue.input.trim().toLowerCase()].find((v) => pattern?.test(v));
      return [make(`${subject(name)} is ${describeValue(issue.input)}: ${issue.message}`, fixed !== undefined ? `write "${fixed}"` : undefined)];
    }
    case 'too_small':
    case 'too_big': {
      if (custom) return [make(withSubject(name, issue.message))];
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        return [make(`${subject(name)} has ${describeCount(issue.input)}; it needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}`)];
      }
      if (issue.origin === 'string') return [make(`${subject(name)} must not be empty`)];
      const limit = issue.code === 'too_small' ? (issue.inclusive ? `${bound} or more` : `above ${bound}`) : issue.inclusive ? `${bound} or less` : `below ${bound}`;
      return [make(`${subject(name)} is ${describeValue(issue.input)}; it must be ${limit}`, `set ${String(at.at(-1))} to a value ${limit}`)];
    }
  }
  switch (issue.code) {
    default:
      return [make(custom ? withSubject(name, issue.message) : `${subject(name)} is ${describeValue(issue.input)}, which is not allowed here`)];
  }
}

/** Example values for the fix of a missing property. */
const EXAMPLE_VALUES: Record<string, string> = {
  timeframe: "'5m'",
  num_events: '20',
  threshold: '1',
  spike_height: '3',
  spike_type: "'up'",
  compare_key: "'user.name'",
  cardinality_field: "'user.name'",
  ignore_null: 'true',
  severity: "'high'",
  expect: '{ alerts: 1 }',
};

const EXPECTED_TEXT: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object { ... }',
  record: 'an object { ... }',
};

function hintFor(expected: string | undefined): string | undefined {
  if (expected === 'array') return "write a list, e.g. ['host.name']";
  if (expected === 'int') return 'write a whole number, e.g. 20';
  return undefined;
}

/** A value outside a fixed set: say which, and the closest allowed one. */
function oneOf(make: (message: string, fix?: string) => SchemaIssue, name: string, input: unknown, allowed: readonly unknown[]): SchemaIssue {
  const texts = allowed.map((v) => String(v));
  const written = typeof input === 'string' ? input : String(input);
  const kebab = written.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const exact = texts.find((t) => t === written.trim().toLowerCase() || t === kebab);
  const suggestion = exact ?? (typeof input === 'string' ? didYouMean(written, texts.filter((t) => Number.isNaN(Number(t)))) : undefined);
  const list = texts.length <= 24 ? `: one of ${texts.join(', ')}` : '';
  return suggestion !== undefined
    ? make(`${name} is ${describeValue(input)}: did you mean "${suggestion}"?`, `write "${suggestion}"`)
    : make(`${name} is ${describeValue(input)}, which is not allowed${list}`);
}

/** The schema's own messages usually name the property; prefix the path only when they do not. */
function withSubject(name: string, message: string): string {
  const last = name.split(/[.[]/).filter(Boolean).at(-1)?.replace(/]$/, '');
  if (name === '(top level)' || (last !== undefined && message.includes(last))) return message;
  return `${name}: ${message}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function describeCount(value: unknown): string {
  const n = Array.isArray(value) ? value.length : 0;
  return n === 0 ? 'no items' : `${n} item${n === 1 ? '' : 's'}`;
}

function depth(issues: ZodIssueLike[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

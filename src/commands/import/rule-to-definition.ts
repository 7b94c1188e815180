import { RULE_TYPE_OPTIONS } from '../../define/schema/rule-types.js';
import { isRecord } from '../../incident/field-lookup.js';
import { RULE_TYPE_NAMES, type RuleTypeName } from '../../incident/match-fields.js';
import { isAlerterOption, UNSUPPORTED_DETECTION_OPTIONS } from './elastalert-options.js';
import type { ImportNote } from './import-result.js';
import { readIncidentCommand, severityName, type XsoarDraft } from './incident-command.js';
import { PythonTimestamp } from './pyyaml-read.js';
import type { SigmaMetadata } from './sigma-metadata.js';
import { timedeltaText } from './timedelta-text.js';

export interface ConvertOptions {
  /** The definition id: the file name in kebab-case. */
  id: string;
  /** `--xsoar-type`: the incident type of rules without an incident command. */
  xsoarType?: string | undefined;
  /** Metadata of the Sigma rule the ElastAlert rule was converted from, when known. */
  sigma?: SigmaMetadata | undefined;
}

export type Conversion =
  | { ok: true; definition: Record<string, unknown>; notes: ImportNote[] }
  | { ok: false; reason: string; notes: ImportNote[] };

const DURATION_OPTIONS = ['realert', 'aggregation', 'buffer_time', 'query_delay'] as const;
const HANDLED = new Set(['name', 'description', 'index', 'type', 'filter', 'query_key', 'timestamp_field', 'owner', 'priority', 'alert', 'command', 'pipe_match_json', 'fail_on_non_zero_exit', ...DURATION_OPTIONS]);
/** pySigma's (and ElastAlert's) `priority`, read as an XSOAR severity. */
const PRIORITY_SEVERITY: Record<number, string> = { 0: 'informational', 1: 'low', 2: 'medium', 3: 'high', 4: 'critical' };

/**
 * One ElastAlert rule (imports already resolved) as a definition object whose key order is the
 * order the file is written in. Pure. What cannot be carried with its exact meaning makes the
 * rule not imported, with the reason; what is dropped on purpose (alerter options) is a note.
 */
export function ruleToDefinition(rule: Record<string, unknown>, options: ConvertOptions): Conversion {
  const notes: ImportNote[] = [];
  const fail = (reason: string): Conversion => ({ ok: false, reason, notes });

  const unreadable = findUnrepresentable(rule, []);
  if (unreadable) return fail(unreadable);
  const type = rule.type;
  if (typeof type !== 'string' || !(RULE_TYPE_NAMES as string[]).includes(type)) {
    return fail(`type ${JSON.stringify(type)} is not one of ElastAlert's rule types alertsmith knows (${RULE_TYPE_NAMES.join(', ')})`);
  }
  const unsupported = Object.keys(rule).filter((k) => Object.hasOwn(UNSUPPORTED_DETECTION_OPTIONS, k));
  if (unsupported.length > 0) {
    return fail(`no equivalent in alertsmith for ${unsupported.map((k) => `${k} (${UNSUPPORTED_DETECTION_OPTIONS[k]})`).join(', ')}`);
  }
  if (typeof rule.name !== 'string' || rule.name === '') return fail(`name is ${describe(rule.name)}, not text`);
  if (typeof rule.index !== 'string' || rule.index === '') return fail(`index is ${describe(rule.index)}, not text`);

  const def: Record<string, unknown> = { id: options.id, name: rule.name };
  if (typeof rule.description === 'string' && rule.description.trim() !== '') def.description = rule.description;
  else {
    def.description = rule.name;
    notes.push({ option: 'description', message: 'the rule has no description: the name is used (write a real one)' });
  }
  def.index = rule.index;
  def.type = type;

  const typeOptions = Object.keys(RULE_TYPE_OPTIONS[type as RuleTypeName]);
  for (const key of typeOptions) {
    if (rule[key] === undefined) continue;
    if (key === 'timeframe' || key === 'terms_window_size' || key === 'bucket_interval') {
      const d = timedeltaText(rule[key]);
      if (!d.ok) return fail(`${key} ${d.reason}`);
      def[key] = d.text;
    } else def[key] = rule[key];
  }

  const filter = rule.filter;
  if (filter !== undefined && filter !== null) {
    if (!Array.isArray(filter)) return fail('filter is not a list of query clauses');
    const first: unknown = filter[0];
    const query = isRecord(first) && Object.keys(first).length === 1 && isRecord(first.query) && Object.keys(first.query).length === 1 && isRecord(first.query.query_string) && Object.keys(first.query.query_string).length === 1 ? first.query.query_string.query : undefined;
    if (typeof query === 'string' && query !== '') def.query = query;
    const clauses = typeof def.query === 'string' ? filter.slice(1) : filter;
    if (clauses.length > 0) def.filter = clauses;
  }
  if (rule.query_key !== undefined) def.query_key = rule.query_key;
  if (rule.realert === undefined) {
    // ElastAlert's own default, written out: none with aggregation, else one minute.
    def.realert = rule.aggregation !== undefined ? '0m' : '1m';
  }
  for (const key of DURATION_OPTIONS) {
    if (rule[key] === undefined) continue;
    if (key === 'aggregation' && isRecord(rule.aggregation) && 'schedule' in rule.aggregation) {
      return fail('aggregation has a schedule (a cron expression): no equivalent in alertsmith');
    }
    const d = timedeltaText(rule[key]);
    if (!d.ok) return fail(`${key} ${d.reason}`);
    def[key] = d.text;
  }
  if (rule.timestamp_field !== undefined) def.timestamp_field = rule.timestamp_field;

  const sigma = options.sigma;
  if (sigma?.attack) def.attack = sigma.attack;
  if (sigma?.tags && sigma.tags.length > 0) def.tags = sigma.tags;
  if (typeof rule.owner === 'string' && rule.owner !== '') def.owner = rule.owner;

  const xsoar = xsoarOf(rule, options, notes);
  if (xsoar) def.xsoar = xsoar;

  const dropped: string[] = [];
  for (const key of Object.keys(rule)) {
    if (HANDLED.has(key) || typeOptions.includes(key)) continue;
    if (isAlerterOption(key)) dropped.push(key);
    else {
      const ofType = RULE_TYPE_NAMES.filter((t) => Object.hasOwn(RULE_TYPE_OPTIONS[t], key));
      notes.push({
        option: key,
        message: ofType.length > 0 ? `${key} is not an option of type ${type} (only of ${ofType.join(', ')}): ElastAlert ignores it, and it is dropped` : `${key} is not an ElastAlert option alertsmith knows: dropped`,
      });
    }
  }
  if (dropped.length > 0) notes.push({ message: `alerter and display options replaced by the XSOAR incident: ${dropped.join(', ')}` });
  if (dropped.includes('include') || dropped.includes('top_count_keys')) {
    // ElastAlert builds `include`, the fields of the documents it fetches, from these.
    notes.push({ option: 'include', message: 'the fields ElastAlert fetches no longer follow include and top_count_keys (only query_key, compare_key and the timestamp are added to all fields)' });
  }
  return { ok: true, definition: def, notes };
}

function xsoarOf(rule: Record<string, unknown>, options: ConvertOptions, notes: ImportNote[]): XsoarDraft | undefined {
  const alerters = (Array.isArray(rule.alert) ? rule.alert : rule.alert === undefined ? [] : [rule.alert]).map((a) => (isRecord(a) ? Object.keys(a)[0] : String(a)));
  let xsoar: XsoarDraft | undefined;
  if (alerters.includes('command') && rule.command !== undefined) {
    const read = readIncidentCommand(rule.command);
    notes.push(...read.notes);
    if (read.rule !== undefined && read.rule !== options.id) {
      notes.push({ option: 'command', message: `the alertsmith command names the definition ${read.rule}; the id is ${options.id}, from the file name` });
    }
    xsoar = read.xsoar;
  }
  const others = alerters.filter((a) => a !== 'command' || xsoar === undefined);
  if (others.length > 0) notes.push({ option: 'alert', message: `alerter ${others.join(', ')} is replaced by the XSOAR incident` });
  if (xsoar === undefined && options.xsoarType === undefined) {
    notes.push({ option: 'xsoar', message: 'no XSOAR incident type: import with --xsoar-type TYPE, or complete xsoar by hand (check reports it until then)' });
    return undefined;
  }
  xsoar ??= {};
  if (xsoar.type === undefined && options.xsoarType !== undefined) xsoar.type = options.xsoarType;
  if (xsoar.type === undefined) notes.push({ option: 'xsoar', message: 'the command passes no --type: import with --xsoar-type TYPE, or complete xsoar.type (check reports it until then)' });
  if (xsoar.severity === undefined) {
    const severity = options.sigma?.severity ?? (typeof rule.priority === 'number' ? PRIORITY_SEVERITY[rule.priority] : undefined);
    if (severity !== undefined) xsoar.severity = severity;
    else {
      xsoar.severity = severityName(0);
      notes.push({ option: 'priority', message: rule.priority === undefined ? 'no priority: severity is unknown (set xsoar.severity)' : `priority ${JSON.stringify(rule.priority)} is not 0-4: severity is unknown (set xsoar.severity)` });
    }
  }
  return { type: xsoar.type, severity: xsoar.severity, ...xsoar };
}

/** The first value no definition can hold: a date, a non-finite number, a non-text key. */
function findUnrepresentable(value: unknown, path: (string | number)[]): string | undefined {
  const at = () => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  if (value instanceof PythonTimestamp) return `${at()} is a ${value.kind} to PyYAML (${value.text}), not text: quote it in the rule`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${at()} is ${value}, which no definition can hold`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnrepresentable(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnrepresentable(v, [...path, k]);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) return `${at()} is a YAML value no definition can hold (${Object.prototype.toString.call(value)})`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  return `${typeof value} ${JSON.stringify(value)} as PyYAML reads it`;
}

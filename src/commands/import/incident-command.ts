import { parseArgs } from 'node:util';
import { resolveEscapedArgument } from '../../compile/elastalert-argument.js';
import { MAPPING_FLAGS, MAPPING_PARSE_OPTIONS, mappingFromValues } from '../../incident/command-flags.js';
import { parseSeverity, SEVERITY_NUMBERS, type Severity } from '../../incident/severity.js';
import type { ImportNote } from './import-result.js';
import { convertPythonTemplate } from './python-template.js';

/** The `xsoar` block of a definition, as read from a rule's command (validated later by the schema). */
export type XsoarDraft = Record<string, unknown>;

export interface CommandReading {
  /** Which command it was: a build of alertsmith, the classic glue script, or none the importer reads. */
  dialect: 'alertsmith' | 'glue' | undefined;
  /** The definition id an alertsmith command names (`--rule=`). */
  rule?: string;
  xsoar: XsoarDraft | undefined;
  notes: ImportNote[];
}

/** The name authors write for one of XSOAR's severity numbers. */
export function severityName(n: number): Severity | undefined {
  const entry = Object.entries(SEVERITY_NUMBERS).find(([, value]) => value === n);
  return entry ? (entry[0] as Severity) : undefined;
}

/**
 * Reads the incident mapping out of a rule's `command:`. A command alertsmith wrote carries
 * `--rule=` and escaped constant flags; the classic glue passes `--name`, `--type`, `--details`,
 * `--labels a,b`, `--severity N` and custom-field flags (`--sourceip "%(source.ip)s"`) as Python
 * templates, each as `--flag value` or `--flag=value`.
 */
export function readIncidentCommand(command: unknown): CommandReading {
  const args = typeof command === 'string' ? undefined : Array.isArray(command) && command.every((a) => typeof a === 'string') ? (command as string[]) : undefined;
  if (args === undefined) {
    return { dialect: undefined, xsoar: undefined, notes: [{ option: 'command', message: 'command is not a list of arguments (a shell command line): not read for the incident' }] };
  }
  if (args.some((a) => resolveEscapedArgument(a).startsWith(`${MAPPING_FLAGS.rule}=`))) return readAlertsmithCommand(args);
  if (args.some((a) => /^--(name|type)(=|$)/.test(a))) return readGlueCommand(args);
  return { dialect: undefined, xsoar: undefined, notes: [] };
}

function readAlertsmithCommand(escaped: string[]): CommandReading {
  const args = escaped.map(resolveEscapedArgument);
  const start = args.findIndex((a) => a.startsWith('--'));
  const parsed = parseArgs({ args: args.slice(start), options: MAPPING_PARSE_OPTIONS, strict: false, allowPositionals: true });
  const mapping = mappingFromValues(parsed.values as Parameters<typeof mappingFromValues>[0]);
  if (!mapping.ok) {
    return { dialect: 'alertsmith', xsoar: undefined, notes: mapping.errors.map((message) => ({ option: 'command', message: `the alertsmith command: ${message}` })) };
  }
  const m = mapping.mapping;
  const xsoar: XsoarDraft = { type: m.type, severity: severityName(m.severity) ?? m.severity };
  if (parsed.values.name !== undefined) xsoar.name = m.name;
  if (parsed.values.details !== undefined) xsoar.details = m.details;
  if (m.labels.length > 0) xsoar.labels = m.labels;
  if (Object.keys(m.customFields).length > 0) xsoar.customFields = { ...m.customFields };
  if (m.playbookId !== undefined) xsoar.playbookId = m.playbookId;
  if (m.owner !== undefined) xsoar.owner = m.owner;
  if (m.createInvestigation) xsoar.createInvestigation = true;
  if (m.incidentPer !== 'match') xsoar.incidentPer = m.incidentPer;
  return { dialect: 'alertsmith', rule: m.rule, xsoar, notes: [] };
}

const GLUE_FLAGS: Record<string, string> = { name: 'name', type: 'type', details: 'details', description: 'details', playbook: 'playbookId', owner: 'owner' };

function readGlueCommand(args: string[]): CommandReading {
  const notes: ImportNote[] = [];
  const flags: [string, string | undefined][] = [];
  for (let i = args.findIndex((a) => a.startsWith('--')); i >= 0 && i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      notes.push({ option: 'command', message: `argument ${JSON.stringify(arg)} of the command follows no flag: dropped` });
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags.push([arg.slice(2, eq), arg.slice(eq + 1)]);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) flags.push([arg.slice(2), args[++i]]);
    else flags.push([arg.slice(2), undefined]);
  }
  const xsoar: XsoarDraft = {};
  const customFields: Record<string, string> = {};
  const template = (flag: string, value: string): string => {
    const converted = convertPythonTemplate(value);
    for (const u of converted.unnamed) notes.push({ option: 'command', message: `--${flag}: placeholder ${u} names no field; kept as text` });
    return converted.text;
  };
  for (const [flag, value] of flags) {
    if (flag === 'create-investigation' && value === undefined) {
      xsoar.createInvestigation = true;
      continue;
    }
    if (value === undefined) {
      notes.push({ option: 'command', message: `--${flag} has no value: dropped` });
      continue;
    }
    if (Object.hasOwn(GLUE_FLAGS, flag)) xsoar[GLUE_FLAGS[flag]!] = template(flag, value);
    else if (flag === 'labels') xsoar.labels = [...new Set(value.split(',').map((l) => l.trim()).filter((l) => l !== ''))];
    else if (flag === 'severity') {
      const n = parseSeverity(value);
      if (n === undefined) notes.push({ option: 'command', message: `--severity ${JSON.stringify(value)} is not an XSOAR severity: set xsoar.severity` });
      else xsoar.severity = severityName(n) ?? n;
    } else if (flag === 'custom-field' || flag === 'customfield') {
      const at = value.indexOf('=');
      if (at > 0) customFields[machineName(value.slice(0, at))] = template(flag, value.slice(at + 1));
      else notes.push({ option: 'command', message: `--${flag} ${JSON.stringify(value)} is not key=value: dropped` });
    } else customFields[machineName(flag)] = template(flag, value);
  }
  if (Object.keys(customFields).length > 0) xsoar.customFields = customFields;
  if (xsoar.severity === undefined) notes.push({ option: 'command', message: 'the command passes no --severity: complete xsoar.severity (check reports it until then)' });
  return { dialect: 'glue', xsoar, notes };
}

/** XSOAR's machine name of a custom field: lowercase letters, digits and `_`. */
function machineName(flag: string): string {
  return flag.toLowerCase().replace(/[^a-z0-9_]/g, '');
}

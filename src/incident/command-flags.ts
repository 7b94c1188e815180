import { isCustomFieldType, type CustomFieldType } from './custom-field-types.js';
import type { IncidentMapping } from './mapping.js';
import { parseSeverity } from './severity.js';

/**
 * The flags of `alertsmith-incident`: written by the compiler, read by the runtime.
 * Names follow the classic ElastAlert-to-XSOAR glue script (`--name`, `--type`, `--details`,
 * `--labels a,b`, `--severity N`) so the runtime is a drop-in for it.
 *
 * The compiler always writes `--flag=value` as ONE argument: a value that starts with `-`
 * can then never be mistaken for a flag, by this parser or by the classic script's argparse.
 */
export const MAPPING_FLAGS = {
  rule: '--rule',
  name: '--name',
  type: '--type',
  severity: '--severity',
  details: '--details',
  labels: '--labels',
  customField: '--custom-field',
  customFieldType: '--custom-field-type',
  playbookId: '--playbook',
  owner: '--owner',
  createInvestigation: '--create-investigation',
  timestampField: '--timestamp-field',
  incidentPer: '--incident-per',
} as const;

export const DEFAULT_TIMESTAMP_FIELD = '@timestamp';

/** Options for `node:util` `parseArgs`, for the runtime's parser. */
export const MAPPING_PARSE_OPTIONS = {
  rule: { type: 'string' },
  name: { type: 'string' },
  type: { type: 'string' },
  severity: { type: 'string' },
  details: { type: 'string' },
  labels: { type: 'string', multiple: true },
  'custom-field': { type: 'string', multiple: true },
  'custom-field-type': { type: 'string', multiple: true },
  playbook: { type: 'string' },
  owner: { type: 'string' },
  'create-investigation': { type: 'boolean' },
  'timestamp-field': { type: 'string' },
  'incident-per': { type: 'string' },
} as const;

/** The constant arguments that carry a mapping, in a fixed order. */
export function mappingToArgs(m: IncidentMapping): string[] {
  const args = [
    `${MAPPING_FLAGS.rule}=${m.rule}`,
    `${MAPPING_FLAGS.name}=${m.name}`,
    `${MAPPING_FLAGS.type}=${m.type}`,
    `${MAPPING_FLAGS.severity}=${m.severity}`,
    `${MAPPING_FLAGS.details}=${m.details}`,
  ];
  if (m.labels.length > 0) args.push(`${MAPPING_FLAGS.labels}=${m.labels.join(',')}`);
  for (const key of Object.keys(m.customFields).sort()) {
    args.push(`${MAPPING_FLAGS.customField}=${key}=${m.customFields[key]}`);
  }
  for (const [key, type] of Object.entries(m.customFieldTypes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    args.push(`${MAPPING_FLAGS.customFieldType}=${key}=${type}`);
  }
  if (m.playbookId !== undefined) args.push(`${MAPPING_FLAGS.playbookId}=${m.playbookId}`);
  if (m.owner !== undefined) args.push(`${MAPPING_FLAGS.owner}=${m.owner}`);
  if (m.createInvestigation) args.push(MAPPING_FLAGS.createInvestigation);
  if (m.timestampField !== DEFAULT_TIMESTAMP_FIELD) args.push(`${MAPPING_FLAGS.timestampField}=${m.timestampField}`);
  if (m.incidentPer !== 'match') args.push(`${MAPPING_FLAGS.incidentPer}=${m.incidentPer}`);
  return args;
}

export interface ParsedMappingValues {
  rule?: string;
  name?: string;
  type?: string;
  severity?: string;
  details?: string;
  labels?: string[];
  'custom-field'?: string[];
  'custom-field-type'?: string[];
  playbook?: string;
  owner?: string;
  'create-investigation'?: boolean;
  'timestamp-field'?: string;
  'incident-per'?: string;
}

export type MappingResult = { ok: true; mapping: IncidentMapping } | { ok: false; errors: string[] };

/**
 * Turns parsed flag values back into a mapping. `--labels` may be repeated and each may hold a
 * comma-separated list. Only `--rule` and `--type` are required; a missing `--name` uses the
 * rule id, a missing `--severity` is `unknown` (0).
 */
export function mappingFromValues(v: ParsedMappingValues): MappingResult {
  const errors: string[] = [];
  if (!v.rule) errors.push(`${MAPPING_FLAGS.rule} is required: the detection id`);
  if (!v.type) errors.push(`${MAPPING_FLAGS.type} is required: the XSOAR incident type`);
  const severity = v.severity === undefined ? 0 : parseSeverity(v.severity);
  if (severity === undefined) {
    errors.push(`${MAPPING_FLAGS.severity} must be 0, 0.5, 1, 2, 3, 4 or a name (low, high, ...); got "${v.severity}"`);
  }
  // Without a prototype, a field named `__proto__` is an ordinary field, not a prototype change.
  const customFields = Object.create(null) as Record<string, string>;
  for (const pair of v['custom-field'] ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      errors.push(`${MAPPING_FLAGS.customField} takes key=template; got "${pair}"`);
      continue;
    }
    customFields[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const customFieldTypes = Object.create(null) as Record<string, CustomFieldType>;
  for (const pair of v['custom-field-type'] ?? []) {
    const eq = pair.indexOf('=');
    const type = pair.slice(eq + 1);
    if (eq <= 0 || !isCustomFieldType(type)) {
      errors.push(`${MAPPING_FLAGS.customFieldType} takes key=type with an XSOAR field type (shortText, number, date, boolean, ...); got "${pair}"`);
      continue;
    }
    customFieldTypes[pair.slice(0, eq)] = type;
  }
  const incidentPer = v['incident-per'] ?? 'match';
  if (incidentPer !== 'match' && incidentPer !== 'alert') {
    errors.push(`${MAPPING_FLAGS.incidentPer} must be "match" or "alert"; got "${incidentPer}"`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const mapping: IncidentMapping = {
    rule: v.rule!,
    name: v.name ?? v.rule!,
    type: v.type!,
    details: v.details ?? '',
    labels: (v.labels ?? []).flatMap((l) => l.split(',')).map((l) => l.trim()).filter((l) => l !== ''),
    severity: severity!,
    customFields,
    customFieldTypes,
    createInvestigation: v['create-investigation'] ?? false,
    timestampField: v['timestamp-field'] ?? DEFAULT_TIMESTAMP_FIELD,
    incidentPer: incidentPer as IncidentMapping['incidentPer'],
  };
  if (v.playbook !== undefined) mapping.playbookId = v.playbook;
  if (v.owner !== undefined) mapping.owner = v.owner;
  return { ok: true, mapping };
}

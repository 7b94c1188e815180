import { SEVERITY_VALUES } from '../incident/severity.js';

/**
 * XSOAR's create-request rules (`CreateIncidentRequest`), checked strictly so that a runtime bug
 * (a number in a label, an object in `rawJSON`, a misspelled key) answers 400 instead of hiding.
 * Returns every problem found; an empty list means the body is acceptable.
 */
export function createRequestProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return ['the request body must be a JSON object'];
  }
  const problems: string[] = [];
  const record = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    const check = Object.hasOwn(FIELD_CHECKS, key) ? FIELD_CHECKS[key] : undefined;
    if (check === undefined) {
      problems.push(`unknown field "${key}"`);
      continue;
    }
    const problem = check(value);
    if (problem !== undefined) problems.push(`${key}: ${problem}`);
  }
  if ('CustomFields' in record && 'customFields' in record) {
    problems.push('send custom fields once, as "CustomFields" or "customFields", not both');
  }
  return problems;
}

type FieldCheck = (value: unknown) => string | undefined;

const mustBeString: FieldCheck = (value) =>
  typeof value === 'string' ? undefined : `must be a string, got ${describeType(value)}`;

const customFieldsCheck: FieldCheck = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? undefined
    : `must be an object, got ${describeType(value)}`;

const FIELD_CHECKS: Record<string, FieldCheck> = {
  name: mustBeString,
  type: mustBeString,
  details: mustBeString,
  playbookId: mustBeString,
  owner: mustBeString,
  sourceBrand: mustBeString,
  sourceInstance: mustBeString,
  dbotMirrorId: mustBeString,
  severity: (value) =>
    typeof value === 'number' && (SEVERITY_VALUES as number[]).includes(value)
      ? undefined
      : `must be one of ${SEVERITY_VALUES.join(', ')}, got ${JSON.stringify(value) ?? describeType(value)}`,
  labels: checkLabels,
  CustomFields: customFieldsCheck,
  // The XSOAR 8 documentation spells it this way.
  customFields: customFieldsCheck,
  rawJSON: (value) => {
    if (typeof value !== 'string') return `must be a string holding JSON, got ${describeType(value)}`;
    try {
      JSON.parse(value);
      return undefined;
    } catch {
      return 'must hold valid JSON text (playbooks and mappers parse it)';
    }
  },
  occurred: (value) => {
    if (typeof value !== 'string') return `must be an RFC 3339 date-time string, got ${describeType(value)}`;
    return isRfc3339DateTime(value) ? undefined : `must be an RFC 3339 date-time with an offset, got ${JSON.stringify(value)}`;
  },
  createInvestigation: (value) =>
    typeof value === 'boolean' ? undefined : `must be a boolean, got ${describeType(value)}`,
};

function checkLabels(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `must be an array of {type, value}, got ${describeType(value)}`;
  for (const [index, label] of value.entries()) {
    if (typeof label !== 'object' || label === null || Array.isArray(label)) {
      return `[${index}] must be an object {type, value}, got ${describeType(label)}`;
    }
    const entry = label as Record<string, unknown>;
    if (typeof entry.type !== 'string') return `[${index}].type must be a string, got ${describeType(entry.type)}`;
    if (typeof entry.value !== 'string') return `[${index}].value must be a string, got ${describeType(entry.value)}`;
    const extra = Object.keys(entry).filter((key) => key !== 'type' && key !== 'value');
    if (extra.length > 0) return `[${index}] has unknown keys ${extra.map((k) => `"${k}"`).join(', ')}`;
  }
  return undefined;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 `date-time`: full date, `T`, time, and a mandatory offset (`Z` or `±hh:mm`). */
export function isRfc3339DateTime(text: string): boolean {
  const parts = RFC3339.exec(text);
  if (parts === null) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth) return false;
  // Second 60 is a leap second, which RFC 3339 allows.
  if (hour! > 23 || minute! > 59 || second! > 60) return false;
  if (parts[9] !== undefined && (Number(parts[9]) > 23 || Number(parts[10]) > 59)) return false;
  return true;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

import type { ExpectedIncident } from '../../define/schema/test-case.js';
import type { IncidentBody } from '../../incident/incident-body.js';
import { severityNumber } from '../../incident/severity.js';

/**
 * The differences between an expected (partial) incident and the one planned, one line each,
 * `path: expected X, got Y`. Only what the expectation names is compared; labels and custom
 * fields it names must be present with those values, others may exist.
 */
export function compareIncident(expected: ExpectedIncident, actual: IncidentBody): string[] {
  const out: string[] = [];
  const same = (path: string, want: unknown, got: unknown): void => {
    if (want !== undefined && want !== got) out.push(`${path}: expected ${show(want)}, got ${show(got)}`);
  };
  same('incident.name', expected.name, actual.name);
  same('incident.type', expected.type, actual.type);
  if (expected.severity !== undefined) same('incident.severity', severityNumber(expected.severity), actual.severity);
  same('incident.details', expected.details, actual.details);
  same('incident.occurred', expected.occurred, actual.occurred);
  for (const [type, value] of Object.entries(expected.labels ?? {})) {
    const got = actual.labels.filter((l) => l.type === type).map((l) => l.value);
    for (const want of Array.isArray(value) ? value : [value]) {
      if (!got.includes(want)) {
        out.push(`incident.labels[${show(type)}]: expected ${show(want)}, got ${got.length === 0 ? 'no such label' : got.map(show).join(', ')}`);
      }
    }
  }
  for (const [key, want] of Object.entries(expected.customFields ?? {})) {
    const got = actual.CustomFields?.[key];
    if (got !== want) out.push(`incident.customFields.${key}: expected ${show(want)}, got ${got === undefined ? 'nothing' : show(got)}`);
  }
  return out;
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

import type { StoredIncident } from './contract.js';

/**
 * The subset of XSOAR's incident query language the simulator understands: terms
 * `field:value` or `field:"quoted value"` (backslash escapes `\"` and `\\` inside quotes),
 * joined by whitespace or `and` (case-insensitive), all of which must hold. An empty query
 * matches every incident. Anything else is refused with a reason rather than guessed at.
 */
export const SUPPORTED_QUERY_FIELDS = ['id', 'name', 'type', 'severity', 'owner', 'sourceBrand', 'labels.type', 'labels.value'] as const;

type QueryField = (typeof SUPPORTED_QUERY_FIELDS)[number];
interface QueryTerm {
  field: QueryField;
  value: string;
}

export type ParsedQuery = { ok: true; terms: QueryTerm[] } | { ok: false; reason: string };

export function parseIncidentQuery(query: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  let rest = query.trim();
  while (rest !== '') {
    const joiner = /^and\s+/i.exec(rest);
    if (joiner !== null && terms.length > 0) {
      rest = rest.slice(joiner[0].length);
      continue;
    }
    const head = /^([A-Za-z][\w.]*):/.exec(rest);
    if (head === null) return { ok: false, reason: `cannot read the query at ${JSON.stringify(rest)}: expected field:value` };
    const field = head[1]!;
    if (!(SUPPORTED_QUERY_FIELDS as readonly string[]).includes(field)) {
      return { ok: false, reason: `the simulator cannot search on "${field}" (supported: ${SUPPORTED_QUERY_FIELDS.join(', ')})` };
    }
    rest = rest.slice(head[0].length);
    const value = readValue(rest);
    if (value === undefined) return { ok: false, reason: `unterminated or empty value for "${field}"` };
    terms.push({ field: field as QueryField, value: value.value });
    rest = rest.slice(value.length).trimStart();
  }
  return { ok: true, terms };
}

function readValue(text: string): { value: string; length: number } | undefined {
  if (text.startsWith('"')) {
    let value = '';
    for (let i = 1; i < text.length; i += 1) {
      const char = text[i]!;
      if (char === '\\' && i + 1 < text.length) {
        value += text[i + 1];
        i += 1;
      } else if (char === '"') {
        return { value, length: i + 1 };
      } else {
        value += char;
      }
    }
    return undefined;
  }
  const bare = /^[^\s"]+/.exec(text);
  return bare === null ? undefined : { value: bare[0], length: bare[0].length };
}

/** Whether an incident satisfies every term (exact, case-sensitive comparison). */
export function incidentMatches(incident: StoredIncident, terms: QueryTerm[]): boolean {
  return terms.every((term) => termMatches(incident, term));
}

function termMatches(incident: StoredIncident, term: QueryTerm): boolean {
  const body = incident.body;
  switch (term.field) {
    case 'id':
      return incident.id === term.value;
    case 'severity':
      return typeof body.severity === 'number' && body.severity === Number(term.value);
    case 'labels.type':
    case 'labels.value': {
      const key = term.field === 'labels.type' ? 'type' : 'value';
      const labels = Array.isArray(body.labels) ? (body.labels as Array<Record<string, unknown>>) : [];
      return labels.some((label) => label[key] === term.value);
    }
    default:
      return body[term.field] === term.value;
  }
}

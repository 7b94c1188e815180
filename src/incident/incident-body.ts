import { alertDedupKey, DEDUP_KEY_LABEL, matchDedupKey, RULE_LABEL } from './dedup-key.js';
import { isRecord, lookupField } from './field-lookup.js';
import { customFieldValue, DEFAULT_CUSTOM_FIELD_TYPE, type CustomFieldValue } from './custom-field-types.js';
import type { IncidentMapping } from './mapping.js';
import { renderTemplate, valueToText } from './template.js';

/** The create body sent to XSOAR (`CreateIncidentRequest`), keys in the order they are sent. */
export interface IncidentBody {
  name: string;
  type: string;
  severity: number;
  details: string;
  labels: { type: string; value: string }[];
  CustomFields?: Record<string, CustomFieldValue>;
  /** The match as a JSON string (not an object): XSOAR's mappers and playbooks read it. */
  rawJSON: string;
  /** RFC 3339 date-time with offset, from the mapping's timestamp field. */
  occurred?: string;
  createInvestigation?: boolean;
  playbookId?: string;
  owner?: string;
}

export interface PlannedIncident {
  /** De-duplication key (see dedup-key.ts), also sent as the `alertsmith.dedup_key` label. */
  key: string;
  body: IncidentBody;
  /** Field paths the templates or labels named but the match lacks, each once, in order of use. */
  missingFields: string[];
}

/**
 * Turns ElastAlert's matches into the incidents to create: one per match, or one per alert
 * (`incidentPer: 'alert'`). Pure and deterministic: the runtime's delivery, its `--dry-run` and
 * `alertsmith test` all call this, so a preview is exactly what would be sent.
 */
export function planIncidents(matches: unknown[], mapping: IncidentMapping): PlannedIncident[] {
  if (matches.length === 0) return [];
  if (mapping.incidentPer === 'alert') {
    return [planOne(matches[0], matches, alertDedupKey(mapping.rule, matches), mapping)];
  }
  return matches.map((match) => planOne(match, [match], matchDedupKey(mapping.rule, match), mapping));
}

/**
 * `primary` feeds the templates and `occurred` (as ElastAlert's own alert text uses the first
 * match); labels come from every match of the incident.
 */
function planOne(primary: unknown, all: unknown[], key: string, mapping: IncidentMapping): PlannedIncident {
  const missing = new Set<string>();
  const onMissing = (path: string): void => void missing.add(path);
  const valueOf = (path: string): unknown => lookupField(primary, path);

  const labels: IncidentBody['labels'] = [];
  const seen = new Set<string>();
  const addLabel = (type: string, value: string): void => {
    const id = JSON.stringify([type, value]);
    if (seen.has(id)) return;
    seen.add(id);
    labels.push({ type, value });
  };
  for (const path of mapping.labels) {
    let found = false;
    for (const match of all) {
      const value = lookupField(match, path);
      if (value === undefined) continue;
      found = true;
      for (const element of Array.isArray(value) ? value : [value]) {
        // null says "no value": a label with an empty value helps nobody.
        if (element === null || element === undefined) continue;
        addLabel(path, valueToText(element));
      }
    }
    if (!found) missing.add(path);
  }
  addLabel(RULE_LABEL, mapping.rule);
  addLabel(DEDUP_KEY_LABEL, key);

  const body: IncidentBody = {
    name: renderTemplate(mapping.name, valueOf, onMissing),
    type: mapping.type,
    severity: mapping.severity,
    details: renderTemplate(mapping.details, valueOf, onMissing),
    labels,
    rawJSON: rawJson(primary, all),
  };
  const customKeys = Object.keys(mapping.customFields).sort();
  if (customKeys.length > 0) {
    const fields = Object.create(null) as Record<string, CustomFieldValue>;
    for (const k of customKeys) {
      const types = mapping.customFieldTypes ?? {};
      const type = Object.hasOwn(types, k) ? types[k]! : DEFAULT_CUSTOM_FIELD_TYPE;
      const value = customFieldValue(type, renderTemplate(mapping.customFields[k]!, valueOf, onMissing));
      if (value !== undefined) fields[k] = value;
    }
    if (Object.keys(fields).length > 0) body.CustomFields = fields;
  }
  const occurred = toRfc3339(lookupField(primary, mapping.timestampField));
  if (occurred !== undefined) body.occurred = occurred;
  if (mapping.createInvestigation) body.createInvestigation = true;
  if (mapping.playbookId !== undefined) body.playbookId = mapping.playbookId;
  if (mapping.owner !== undefined) body.owner = mapping.owner;
  return { key, body: orderKeys(body), missingFields: [...missing] };
}

/**
 * The match itself; for an alert of several matches, the first match with the others under
 * `alertsmith_related_matches`, so mappers written for one match still work and nothing is dropped.
 */
function rawJson(primary: unknown, all: unknown[]): string {
  if (all.length <= 1 || !isRecord(primary)) return JSON.stringify(all.length <= 1 ? primary : all) ?? 'null';
  return JSON.stringify({ ...primary, alertsmith_related_matches: all.slice(1) });
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const NAIVE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * `occurred` as RFC 3339 with an offset. An ISO string with an offset is kept as written (its
 * precision and zone are the event's); a naive one (Python's `isoformat()` of a naive datetime)
 * is read as UTC, which is what ElastAlert's timestamps are; epoch numbers are seconds below
 * 1e11, else milliseconds. Anything else is left out rather than guessed.
 */
export function toRfc3339(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim().replace(' ', 'T');
    if (!isCalendarDateTime(text)) return undefined;
    if (RFC3339.test(text) && !Number.isNaN(Date.parse(text))) return text;
    if (NAIVE.test(text) && !Number.isNaN(Date.parse(`${text}Z`))) return `${text}Z`;
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day exists in its month and the hour is below 24: `Date.parse` rolls `2026-02-30` over
 * into March and accepts `24:00:00`, which RFC 3339 (and XSOAR's Go parser) refuse. Month 00 or
 * 13, day 00, minutes, seconds and offsets out of range already fail `Date.parse`.
 */
function isCalendarDateTime(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return Number(text.slice(8, 10)) <= days && Number(text.slice(11, 13)) < 24;
}

const KEY_ORDER: (keyof IncidentBody)[] = [
  'name', 'type', 'severity', 'details', 'labels', 'CustomFields', 'rawJSON', 'occurred',
  'createInvestigation', 'playbookId', 'owner',
];

function orderKeys(body: IncidentBody): IncidentBody {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (body[k] !== undefined) out[k] = body[k];
  return out as unknown as IncidentBody;
}

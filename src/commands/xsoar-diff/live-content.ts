/** The incident types and fields a live XSOAR has, read from its `GET /incidenttype` and `GET /incidentfields` replies. */
export interface LiveContent {
  incidentTypes: Set<string>;
  /** By machine name (`cliName`). */
  incidentFields: Map<string, LiveIncidentField>;
}

export interface LiveIncidentField {
  type: string;
  system: boolean;
  associatedToAll: boolean;
  associatedTypes: string[];
}

/**
 * Reads the two replies. Each is a JSON array of items (some proxies and tools wrap it as
 * `{"data": [...]}`, accepted too); an item without a name or cliName is skipped. Returns a
 * sentence saying what is wrong when a reply is not such a list.
 */
export function parseLiveContent(typesText: string, fieldsText: string): LiveContent | { problem: string } {
  const types = listIn(typesText);
  if (types === undefined) return { problem: 'the incident types reply is not a JSON list' };
  const fields = listIn(fieldsText);
  if (fields === undefined) return { problem: 'the incident fields reply is not a JSON list' };
  const content: LiveContent = { incidentTypes: new Set(), incidentFields: new Map() };
  for (const item of types) {
    const t = (item ?? {}) as Record<string, unknown>;
    const name = typeof t.name === 'string' ? t.name : typeof t.id === 'string' ? t.id : undefined;
    if (name !== undefined) content.incidentTypes.add(name);
  }
  for (const item of fields) {
    const f = (item ?? {}) as Record<string, unknown>;
    if (typeof f.cliName !== 'string') continue;
    content.incidentFields.set(f.cliName, {
      type: typeof f.type === 'string' ? f.type : '',
      system: f.system === true,
      associatedToAll: f.associatedToAll === true,
      associatedTypes: Array.isArray(f.associatedTypes) ? f.associatedTypes.filter((a): a is string => typeof a === 'string') : [],
    });
  }
  return content;
}

function listIn(text: string): unknown[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (Array.isArray(value)) return value;
  const data = (value as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data : undefined;
}

/**
 * The XSOAR content the simulated server has: incident types and incident fields, as
 * `GET /incidenttype` and `GET /incidentfields` answer them, and what a create does with a
 * custom field that has no incident field.
 */

export interface SimulatorContent {
  /** Incident type names. */
  incidentTypes: string[];
  /** Custom incident fields (the server's system fields are always there too). */
  incidentFields: SimulatorIncidentField[];
}

export interface SimulatorIncidentField {
  /** Machine name, the key under `CustomFields`. */
  cliName: string;
  /** XSOAR field type: `shortText`, `number`, `date`, `boolean`, ... */
  type: string;
  /** Display name. @default cliName */
  name?: string;
  /** @default [] */
  associatedTypes?: string[];
  /** @default false */
  associatedToAll?: boolean;
}

/**
 * A few of XSOAR's own fields, answered with every field list as a real server does, so that
 * clients must tell them from custom fields (`system: true`).
 */
const SYSTEM_FIELDS: readonly { cliName: string; name: string; type: string }[] = [
  { cliName: 'name', name: 'Name', type: 'shortText' },
  { cliName: 'type', name: 'Type', type: 'shortText' },
  { cliName: 'severity', name: 'Severity', type: 'number' },
  { cliName: 'details', name: 'Details', type: 'longText' },
  { cliName: 'owner', name: 'Owner', type: 'user' },
  { cliName: 'occurred', name: 'Occurred', type: 'date' },
];

export function incidentTypesReply(content: SimulatorContent): Record<string, unknown>[] {
  return content.incidentTypes.map((name) => ({
    id: name, version: 1, name, color: '#4B6EAF', playbookId: '', system: false, disabled: false,
  }));
}

export function incidentFieldsReply(content: SimulatorContent): Record<string, unknown>[] {
  const system = SYSTEM_FIELDS.map((f) => ({
    id: f.cliName, version: 1, name: f.name, cliName: f.cliName, type: f.type, system: true, associatedToAll: true, associatedTypes: null,
  }));
  const custom = content.incidentFields.map((f) => ({
    id: `incident_${f.cliName}`,
    version: 1,
    name: f.name ?? f.cliName,
    cliName: f.cliName,
    type: f.type,
    system: false,
    associatedToAll: f.associatedToAll ?? false,
    associatedTypes: f.associatedTypes ?? [],
  }));
  return [...system, ...custom];
}

/**
 * The create body with the custom fields the server has no incident field for taken out, and
 * their names. Both spellings (`CustomFields`, XSOAR 8's `customFields`) are filtered.
 */
export function withoutUnknownCustomFields(
  body: Record<string, unknown>,
  content: SimulatorContent,
): { body: Record<string, unknown>; dropped: string[] } {
  const known = new Set(content.incidentFields.map((f) => f.cliName));
  const dropped: string[] = [];
  const out = { ...body };
  for (const key of ['CustomFields', 'customFields'] as const) {
    const fields = body[key];
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) continue;
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (known.has(name)) kept[name] = value;
      else dropped.push(name);
    }
    out[key] = kept;
  }
  return { body: out, dropped };
}

/**
 * Content read from content-pack JSON items (the files `alertsmith build` writes under
 * `<out>/xsoar/`): incident types by `name`, incident fields by `cliName` and `type`.
 * Items without those are reported, not guessed at.
 */
export function contentFromItems(types: readonly unknown[], fields: readonly unknown[]): { content: SimulatorContent; problems: string[] } {
  const problems: string[] = [];
  const content: SimulatorContent = { incidentTypes: [], incidentFields: [] };
  types.forEach((item, i) => {
    const name = (item as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name !== '') content.incidentTypes.push(name);
    else problems.push(`incident type ${i + 1} has no name`);
  });
  fields.forEach((item, i) => {
    const f = (item ?? {}) as Record<string, unknown>;
    if (typeof f.cliName !== 'string' || typeof f.type !== 'string') {
      problems.push(`incident field ${i + 1} has no cliName or type`);
      return;
    }
    content.incidentFields.push({
      cliName: f.cliName,
      type: f.type,
      ...(typeof f.name === 'string' ? { name: f.name } : {}),
      ...(Array.isArray(f.associatedTypes) ? { associatedTypes: f.associatedTypes.filter((t): t is string => typeof t === 'string') } : {}),
      ...(typeof f.associatedToAll === 'boolean' ? { associatedToAll: f.associatedToAll } : {}),
    });
  });
  return { content, problems };
}

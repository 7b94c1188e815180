import type { StoredIncident } from './contract.js';

/**
 * A stored incident as the API answers it (create reply, search `data` entries): the request's
 * fields plus the server's own. `CustomFields` is always present, as XSOAR returns it.
 */
export function incidentView(incident: StoredIncident): Record<string, unknown> {
  const { customFields, CustomFields, ...fields } = incident.body;
  return {
    ...fields,
    id: incident.id,
    version: 1,
    status: 1,
    labels: fields.labels ?? [],
    CustomFields: CustomFields ?? customFields ?? {},
  };
}

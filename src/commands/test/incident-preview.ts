import type { PlannedIncident } from '../../incident/incident-body.js';

/**
 * A planned incident as people read it: name, severity and type, then details, labels (without
 * alertsmith's own), custom fields and the fields the match lacked. `alertsmith test` prints it
 * under a failing case; `alertsmith report` shows it in a detection's detail view.
 */
export function incidentPreviewLines(incident: PlannedIncident): string[] {
  const b = incident.body;
  const lines = [`${JSON.stringify(b.name)} severity ${b.severity}, type ${JSON.stringify(b.type)}`, `  details: ${JSON.stringify(b.details)}`];
  const labels = b.labels.filter((l) => !l.type.startsWith('alertsmith.')).map((l) => `${l.type}=${l.value}`);
  if (labels.length > 0) lines.push(`  labels: ${labels.join(', ')}`);
  if (b.CustomFields) lines.push(`  customFields: ${JSON.stringify(b.CustomFields)}`);
  if (incident.missingFields.length > 0) lines.push(`  missing fields: ${incident.missingFields.join(', ')}`);
  return lines;
}

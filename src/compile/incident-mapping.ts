import type { Definition } from '../define/schema/definition.js';
import { DEFAULT_TIMESTAMP_FIELD } from '../incident/command-flags.js';
import { DEFAULT_CUSTOM_FIELD_TYPE, type CustomFieldType } from '../incident/custom-field-types.js';
import type { IncidentMapping } from '../incident/mapping.js';
import { severityNumber } from '../incident/severity.js';

/** What the runtime needs to know to turn this detection's matches into incidents. */
export function incidentMappingOf(def: Definition): IncidentMapping {
  const x = def.xsoar;
  const mapping: IncidentMapping = {
    rule: def.id,
    name: x.name ?? def.name,
    type: x.type,
    details: x.details ?? def.description,
    labels: x.labels ?? [],
    severity: severityNumber(x.severity),
    customFields: x.customFields ?? {},
    customFieldTypes: declaredFieldTypes(x.customFieldTypes ?? {}),
    createInvestigation: x.createInvestigation ?? false,
    timestampField: def.timestamp_field ?? DEFAULT_TIMESTAMP_FIELD,
    incidentPer: x.incidentPer ?? 'match',
  };
  if (x.playbookId !== undefined) mapping.playbookId = x.playbookId;
  if (x.owner !== undefined) mapping.owner = x.owner;
  return mapping;
}

/** Short text is the default: declaring it changes nothing, so the rule's command leaves it out. */
function declaredFieldTypes(types: Record<string, CustomFieldType>): Record<string, CustomFieldType> {
  return Object.fromEntries(Object.entries(types).filter(([, type]) => type !== DEFAULT_CUSTOM_FIELD_TYPE));
}

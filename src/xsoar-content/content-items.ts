import type { CustomFieldType } from '../incident/custom-field-types.js';

/**
 * The lowest XSOAR version the generated content declares (`fromVersion`): the oldest line the
 * incident API facts alertsmith relies on hold for.
 */
export const CONTENT_FROM_VERSION = '6.0.0';

/** The prefix XSOAR gives the id of an incident field: `incident_<cliName>`. */
export const INCIDENT_FIELD_ID_PREFIX = 'incident_';

/**
 * An incident type as a content pack holds it (demisto-sdk's `incidenttype` schema: `id`,
 * `version`, `name` and `color` required), keys in the order XSOAR exports them. The type is
 * created empty: no playbook, layout or SLA, which the SOC sets in XSOAR.
 */
export function incidentTypeItem(name: string): Record<string, unknown> {
  return {
    id: name,
    version: -1,
    vcShouldIgnore: false,
    locked: false,
    name,
    prevName: '',
    color: '#4B6EAF',
    sla: 0,
    hours: 0,
    days: 0,
    weeks: 0,
    hoursR: 0,
    daysR: 0,
    weeksR: 0,
    system: false,
    readonly: false,
    default: false,
    autorun: false,
    preProcessingScript: '',
    closureScript: '',
    disabled: false,
    reputationCalc: 0,
    fromVersion: CONTENT_FROM_VERSION,
  };
}

/**
 * A custom incident field as a content pack holds it (demisto-sdk's `incidentfield` schema:
 * `id`, `name`, `cliName`, `type` required). The display name is the machine name: XSOAR derives
 * the machine name from the display name (lowercased, spaces removed), so the two agree. The
 * field is associated with the incident types of the detections that fill it.
 */
export function incidentFieldItem(cliName: string, type: CustomFieldType, incidentTypes: readonly string[]): Record<string, unknown> {
  return {
    associatedToAll: false,
    associatedTypes: [...incidentTypes],
    caseInsensitive: true,
    cliName,
    closeForm: false,
    content: true,
    description: 'Filled by alertsmith detections from their matches.',
    editForm: true,
    group: 0,
    hidden: false,
    id: `${INCIDENT_FIELD_ID_PREFIX}${cliName}`,
    isReadOnly: false,
    locked: false,
    name: cliName,
    neverSetAsRequired: false,
    ownerOnly: false,
    required: false,
    system: false,
    threshold: 72,
    type,
    unmapped: false,
    unsearchable: true,
    useAsKpi: false,
    version: -1,
    fromVersion: CONTENT_FROM_VERSION,
  };
}

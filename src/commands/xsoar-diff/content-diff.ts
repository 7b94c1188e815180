import { CUSTOM_FIELD_VALUE_KINDS, isCustomFieldType } from '../../incident/custom-field-types.js';
import type { XsoarUsage } from '../../xsoar-content/xsoar-usage.js';
import type { LiveContent } from './live-content.js';

export type DiffKind = 'missing-type' | 'missing-field' | 'field-type' | 'field-not-associated';

/** One difference between what the detections use and what XSOAR has. */
export interface DiffFinding {
  /** `error`: incidents would go wrong (exit 1); `warning`: worth a look. */
  level: 'error' | 'warning';
  kind: DiffKind;
  /** The incident type or custom field machine name. */
  name: string;
  message: string;
  /** Ids of the detections concerned, sorted. */
  usedBy: string[];
}

/**
 * Compares what the detections use with a live XSOAR's content: an incident type it lacks
 * (incidents become "Unclassified" and run no playbook), a custom field it lacks (XSOAR does not
 * keep the value), a field whose type differs from the declared one, and a field that is not
 * associated with an incident type the detections create.
 *
 * A type difference is an error when the runtime would send another kind of value (a number to
 * a text field, text to a number or select field) and a warning between text types
 * (shortText and longText both take the text).
 */
export function diffXsoarContent(usage: XsoarUsage, live: LiveContent): DiffFinding[] {
  const findings: DiffFinding[] = [];
  for (const [type, usedBy] of usage.types) {
    if (live.incidentTypes.has(type)) continue;
    findings.push({ level: 'error', kind: 'missing-type', name: type, usedBy, message: `XSOAR has no incident type "${type}"` });
  }
  for (const [name, field] of usage.fields) {
    const found = live.incidentFields.get(name);
    if (found === undefined) {
      findings.push({ level: 'error', kind: 'missing-field', name, usedBy: field.usedBy, message: `XSOAR has no incident field "${name}" (${field.type})` });
      continue;
    }
    if (found.type !== field.type) {
      const sameKind = isCustomFieldType(found.type) && CUSTOM_FIELD_VALUE_KINDS[found.type] === CUSTOM_FIELD_VALUE_KINDS[field.type];
      findings.push({
        level: sameKind ? 'warning' : 'error',
        kind: 'field-type',
        name,
        usedBy: field.usedBy,
        message: `the incident field "${name}" is ${found.type} in XSOAR but ${field.type} in the detections`,
      });
    }
    if (found.associatedToAll || found.system) continue;
    const missing = field.incidentTypes.filter((t) => !found.associatedTypes.includes(t));
    if (missing.length > 0) {
      findings.push({
        level: 'warning',
        kind: 'field-not-associated',
        name,
        usedBy: field.usedBy,
        message: `the incident field "${name}" is not associated with the incident type${missing.length === 1 ? '' : 's'} ${missing.map((t) => `"${t}"`).join(', ')}`,
      });
    }
  }
  return findings;
}

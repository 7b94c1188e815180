import type { Definition } from '../define/schema/definition.js';
import { DEFAULT_CUSTOM_FIELD_TYPE, type CustomFieldType } from '../incident/custom-field-types.js';

/** What the detections need to exist in XSOAR: their incident types and their custom fields. */
export interface XsoarUsage {
  /** Incident type name -> the ids of the detections that create incidents of it, sorted. */
  types: Map<string, string[]>;
  /** Custom field machine name -> its type and who uses it, by machine name. */
  fields: Map<string, FieldUsage>;
  /** Detections that declare one field with different types: one entry per detection that disagrees. */
  conflicts: { file: string; message: string }[];
}

export interface FieldUsage {
  type: CustomFieldType;
  /** Ids of the detections that fill the field, sorted. */
  usedBy: string[];
  /** The incident types of those detections, sorted: XSOAR shows a field only on the types it is associated with. */
  incidentTypes: string[];
}

/**
 * Collects the incident types and custom fields of the detections, in a fixed order whatever
 * the order of discovery. A field declared with one type in one detection and another type
 * elsewhere is a conflict (XSOAR has one type per field): the first type in id order wins, and
 * every detection that says otherwise is reported.
 */
export function xsoarUsageOf(definitions: readonly { file: string; definition: Definition }[]): XsoarUsage {
  const sorted = [...definitions].sort((a, b) => compare(a.definition.id, b.definition.id));
  const types = new Map<string, string[]>();
  const fields = new Map<string, FieldUsage>();
  const conflicts: XsoarUsage['conflicts'] = [];
  for (const { file, definition } of sorted) {
    const x = definition.xsoar;
    types.set(x.type, [...(types.get(x.type) ?? []), definition.id]);
    const declared = x.customFieldTypes ?? {};
    for (const name of Object.keys(x.customFields ?? {}).sort(compare)) {
      const type = Object.hasOwn(declared, name) ? declared[name]! : DEFAULT_CUSTOM_FIELD_TYPE;
      const known = fields.get(name);
      if (known === undefined) {
        fields.set(name, { type, usedBy: [definition.id], incidentTypes: [x.type] });
        continue;
      }
      if (known.type !== type) {
        conflicts.push({
          file,
          message: `xsoar.customFields.${name} is a ${type} field here but a ${known.type} field in ${known.usedBy[0]}: XSOAR has one type per field; declare the same type in xsoar.customFieldTypes`,
        });
      }
      known.usedBy.push(definition.id);
      if (!known.incidentTypes.includes(x.type)) known.incidentTypes.push(x.type);
    }
  }
  for (const usage of fields.values()) usage.incidentTypes.sort(compare);
  return {
    types: new Map([...types].sort(([a], [b]) => compare(a, b))),
    fields: new Map([...fields].sort(([a], [b]) => compare(a, b))),
    conflicts,
  };
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

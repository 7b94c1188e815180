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
 * What one detection needs of XSOAR: its incident type and its custom fields, each with its type.
 * Small and plain, so that build's result cache keeps it beside a compiled rule.
 */
export interface XsoarNeeds {
  id: string;
  type: string;
  /** Custom field machine name -> its declared type (short text when undeclared), sorted by name. */
  fields: Record<string, CustomFieldType>;
}

export function xsoarNeedsOf(definition: Definition): XsoarNeeds {
  const x = definition.xsoar;
  const declared = x.customFieldTypes ?? {};
  const fields: Record<string, CustomFieldType> = {};
  for (const name of Object.keys(x.customFields ?? {}).sort(compare)) {
    fields[name] = Object.hasOwn(declared, name) ? declared[name]! : DEFAULT_CUSTOM_FIELD_TYPE;
  }
  return { id: definition.id, type: x.type, fields };
}

/** True for a value shaped as `XsoarNeeds` (what a cache file holds is checked, never trusted). */
export function isXsoarNeeds(value: unknown): value is XsoarNeeds {
  const v = value as Partial<XsoarNeeds> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.type === 'string'
    && typeof v.fields === 'object' && v.fields !== null && Object.values(v.fields).every((t) => typeof t === 'string');
}

/**
 * Collects the incident types and custom fields of the detections, in a fixed order whatever
 * the order of discovery. A field declared with one type in one detection and another type
 * elsewhere is a conflict (XSOAR has one type per field): the first type in id order wins, and
 * every detection that says otherwise is reported.
 */
export function xsoarUsageOf(detections: readonly { file: string; needs: XsoarNeeds }[]): XsoarUsage {
  const sorted = [...detections].sort((a, b) => compare(a.needs.id, b.needs.id));
  const types = new Map<string, string[]>();
  const fields = new Map<string, FieldUsage>();
  const conflicts: XsoarUsage['conflicts'] = [];
  for (const { file, needs } of sorted) {
    types.set(needs.type, [...(types.get(needs.type) ?? []), needs.id]);
    for (const [name, type] of Object.entries(needs.fields)) {
      const known = fields.get(name);
      if (known === undefined) {
        fields.set(name, { type, usedBy: [needs.id], incidentTypes: [needs.type] });
        continue;
      }
      if (known.type !== type) {
        conflicts.push({
          file,
          message: `xsoar.customFields.${name} is a ${type} field here but a ${known.type} field in ${known.usedBy[0]}: XSOAR has one type per field; declare the same type in xsoar.customFieldTypes`,
        });
      }
      known.usedBy.push(needs.id);
      if (!known.incidentTypes.includes(needs.type)) known.incidentTypes.push(needs.type);
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

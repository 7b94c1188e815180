import { incidentFieldItem, incidentTypeItem } from './content-items.js';
import type { XsoarUsage } from './xsoar-usage.js';

/** The folders of a content pack that hold these items, as build writes them under `<out>/xsoar/`. */
export const INCIDENT_TYPES_FOLDER = 'IncidentTypes';
export const INCIDENT_FIELDS_FOLDER = 'IncidentFields';

export interface ContentFiles {
  /** Folder (`IncidentTypes`, `IncidentFields`) -> file name -> JSON text. */
  folders: Map<string, Map<string, string>>;
  /** Problems that stop the content from being written: names whose files would collide. */
  errors: string[];
}

/**
 * The XSOAR content the detections need, as files: `incidenttype-<name>.json` and
 * `incidentfield-<cliName>.json`, named as content packs name them. Byte-stable: keys in a fixed
 * order, four-space indentation, a final newline, items sorted by name.
 */
export function contentFiles(usage: XsoarUsage): ContentFiles {
  const errors: string[] = [];
  const types = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const name of usage.types.keys()) {
    const file = `incidenttype-${fileStem(name)}.json`;
    // Case-insensitive file systems would merge these too; two such names are almost surely a typo.
    const clash = owners.get(file.toLowerCase());
    if (clash !== undefined) {
      errors.push(`the incident types "${clash}" (${usage.types.get(clash)!.join(', ')}) and "${name}" (${usage.types.get(name)!.join(', ')}) would both be written to ${INCIDENT_TYPES_FOLDER}/${file}: is one of them misspelled?`);
      continue;
    }
    owners.set(file.toLowerCase(), name);
    types.set(file, jsonText(incidentTypeItem(name)));
  }
  const fields = new Map<string, string>();
  for (const [cliName, field] of usage.fields) {
    // Machine names are [a-z0-9_]: the file name is always safe and unique.
    fields.set(`incidentfield-${cliName}.json`, jsonText(incidentFieldItem(cliName, field.type, field.incidentTypes)));
  }
  return { folders: new Map([[INCIDENT_TYPES_FOLDER, types], [INCIDENT_FIELDS_FOLDER, fields]]), errors };
}

/** Content packs name files after the item with spaces as `_`; anything outside [A-Za-z0-9_-] is `_` too. */
function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

function jsonText(item: Record<string, unknown>): string {
  return `${JSON.stringify(item, null, 4)}\n`;
}

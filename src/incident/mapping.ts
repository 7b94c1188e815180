import type { CustomFieldType } from './custom-field-types.js';
import type { SeverityNumber } from './severity.js';

/**
 * How one detection's matches become XSOAR incidents: everything the runtime needs to know
 * about a rule, carried as constant command-line flags in the generated `command:` block.
 * Templates (`name`, `details`, custom field values) stay unrendered here: the runtime renders
 * them per match from the JSON on stdin.
 */
export interface IncidentMapping {
  /** The detection's id, recorded on every incident and part of the de-duplication key. */
  rule: string;
  /** Incident name template. */
  name: string;
  /** XSOAR incident type; must equal a configured type exactly. */
  type: string;
  /** Details template. */
  details: string;
  /** Match field paths sent as labels `{type: path, value}`. */
  labels: string[];
  severity: SeverityNumber;
  /** XSOAR custom field machine name -> template. */
  customFields: Record<string, string>;
  /**
   * XSOAR field type of the custom fields that are not short text, by machine name. Absent from
   * the intakes of runtimes that predate it, still replayed after an upgrade.
   */
  customFieldTypes?: Record<string, CustomFieldType>;
  playbookId?: string;
  owner?: string;
  createInvestigation: boolean;
  /** Match field holding the event time, sent as `occurred`. */
  timestampField: string;
  /** One incident per match (default) or one per alert (all aggregated matches together). */
  incidentPer: 'match' | 'alert';
}

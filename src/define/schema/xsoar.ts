import { z } from 'zod';
import { SEVERITY_NAMES, SEVERITY_VALUES } from '../../incident/severity.js';
import { argumentText, fieldPath } from './text.js';
import { CUSTOM_FIELD_TYPES } from '../../incident/custom-field-types.js';

const severitySchema = z.union([z.literal(SEVERITY_NAMES), z.literal(SEVERITY_VALUES)], {
  error: `severity is one of ${SEVERITY_NAMES.join(', ')} or XSOAR's numbers ${SEVERITY_VALUES.join(', ')}`,
});

/** XSOAR custom field machine names: the display name lowercased, without spaces (`Scan IP` -> `scanip`). */
export const CUSTOM_FIELD_NAME = /^[a-z0-9][a-z0-9_]*$/;

/** How the matches of a detection become Cortex XSOAR incidents. */
export const xsoarSchema = z.strictObject({
  /** Incident type; must equal an incident type configured in XSOAR exactly, else "Unclassified". */
  type: argumentText.pipe(z.string().min(1, 'the XSOAR incident type must not be empty')),
  /** `'unknown' | 'informational' | 'low' | 'medium' | 'high' | 'critical'` or XSOAR's numbers 0, 0.5, 1-4. */
  severity: severitySchema,
  /** Incident name template with `{{field.path}}` placeholders. @default the detection's `name` */
  name: argumentText.optional(),
  /** Incident details template. @default the detection's `description` */
  details: argumentText.optional(),
  /** Match fields sent as incident labels `{type: <path>, value}`. @default [] */
  labels: z
    .array(fieldPath.refine((p) => !p.includes(','), 'a label field path cannot contain a comma'))
    .optional(),
  /** XSOAR custom fields: machine name -> template. @default {} */
  customFields: z
    .record(
      z.string().regex(CUSTOM_FIELD_NAME, 'a custom field machine name is lowercase letters and digits, no spaces (e.g. scanip)'),
      argumentText,
    )
    .optional(),
  /**
   * XSOAR incident field type of a custom field, by machine name, for fields that are not short
   * text: `{ failures: 'number' }`. The runtime sends the rendered template as a value of that type.
   * @default 'shortText' for every field of customFields
   */
  customFieldTypes: z
    .record(
      z.string(),
      z.enum(CUSTOM_FIELD_TYPES, { error: `a custom field type is one of ${CUSTOM_FIELD_TYPES.join(', ')}` }),
    )
    .optional(),
  /** Playbook to run instead of the incident type's default. */
  playbookId: argumentText.optional(),
  /** XSOAR user who owns the incident. */
  owner: argumentText.optional(),
  /** Start the playbook when the incident is created. @default false */
  createInvestigation: z.boolean().optional(),
  /** One incident per match, or one per alert (all matches ElastAlert aggregated). @default 'match' */
  incidentPer: z.enum(['match', 'alert']).optional(),
}).superRefine((x, ctx) => {
  for (const name of Object.keys(x.customFieldTypes ?? {})) {
    if (x.customFields !== undefined && Object.hasOwn(x.customFields, name)) continue;
    ctx.addIssue({ code: 'custom', path: ['customFieldTypes', name], message: `"${name}" is not a field of customFields: declare the type of a field the detection fills` });
  }
});

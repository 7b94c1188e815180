import { z } from 'zod';
import { SEVERITY_NAMES, SEVERITY_VALUES } from '../../incident/severity.js';

/**
 * A sample document, as it is stored in Elasticsearch (`_source`; `_id`/`_index` optional).
 * Its values are not walked here: the loader already refuses anything but plain data, and a
 * recursive JSON schema would cost every definition's validation and type check. Not
 * `z.record(...)` either: that visits and copies every field of every event, 1.4 µs an event
 * against 0.05 µs for this one test (100,000 events), a tenth of a cold build on a project whose
 * detections carry 10-30 events a case. Its issue is the one `z.record` gives.
 */
export const testEventSchema = z.custom<Record<string, unknown>>().superRefine((event, ctx) => {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    ctx.addIssue({ code: 'invalid_type', expected: 'record', input: event, message: 'Invalid input: expected record' });
  }
});

/** The parts of an incident a case checks; anything left out is not compared. */
export const expectedIncidentSchema = z.strictObject({
  /** The rendered incident name, exactly. */
  name: z.string().optional(),
  /** The XSOAR incident type. */
  type: z.string().optional(),
  /** A severity name or XSOAR's number. */
  severity: z.union([z.enum(SEVERITY_NAMES), z.literal(SEVERITY_VALUES)]).optional(),
  /** The rendered details, exactly. */
  details: z.string().optional(),
  /** Labels the incident must carry: label type (the field path) -> value, or values. Others may be present too. */
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  /** Custom fields the incident must carry, with these values (a number, date or boolean field's value as sent). Others may be present too. */
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The `occurred` time sent to XSOAR. */
  occurred: z.string().optional(),
});

/** What running the case must give. At least one of the counts or `incident`. */
export const testExpectationSchema = z
  .strictObject({
    /** How many alerts ElastAlert sends (command runs): matches after realert and aggregation. */
    alerts: z.number().int().nonnegative().optional(),
    /** How many XSOAR incidents those alerts create. */
    incidents: z.number().int().nonnegative().optional(),
    /** The first incident, in part. */
    incident: expectedIncidentSchema.optional(),
  })
  .refine((e) => e.alerts !== undefined || e.incidents !== undefined || e.incident !== undefined, {
    message: 'expect needs alerts, incidents or incident, e.g. { alerts: 1 }',
  });

/**
 * One test case of a detection: sample events, and what ElastAlert and the runtime must make of
 * them. Run by `alertsmith test`; never written into the generated rule.
 */
export const testCaseSchema = z
  .strictObject({
    /** Says what the case shows, e.g. 'twenty failures from one address fire'. */
    name: z.string().min(1, 'a test case needs a name'),
    /** Sample documents, each with its timestamp field. */
    events: z.array(testEventSchema).optional(),
    /** JSON files (an array of documents) or NDJSON files (one per line), relative to the definition file; read before `events`. */
    fixtures: z.array(z.string().min(1)).optional(),
    /** Documents already in the index when the rule starts: new_term learns its known terms from them. @default [] */
    history: z.array(testEventSchema).optional(),
    /** The fixed clock: date math (`now-15m`) and the end of the simulated runs. ISO 8601. @default the latest event's time */
    now: z.string().optional(),
    expect: testExpectationSchema,
  })
  .refine((c) => (c.events?.length ?? 0) > 0 || (c.fixtures?.length ?? 0) > 0 || c.now !== undefined, {
    message: 'a test case needs events, fixtures, or (for a silent source) a now',
  });

export type TestCaseInput = z.input<typeof testCaseSchema>;
export type TestCase = z.output<typeof testCaseSchema>;
export type ExpectedIncident = z.output<typeof expectedIncidentSchema>;

import type { ElastAlertLine, SearchEngine } from '../../define/schema/config.js';
import type { Definition } from '../../define/schema/definition.js';
import type { TestCase } from '../../define/schema/test-case.js';
import { AlertsmithError, describeThrown } from '../../errors.js';
import { lookupField } from '../../incident/field-lookup.js';
import { planIncidents } from '../../incident/incident-body.js';
import type { IncidentMapping } from '../../incident/mapping.js';
import { compileDetectionFilter } from '../../query/detection-query.js';
import { parseEventTime } from '../../simulate/elastalert-time.js';
import { durationMs, type RuleOptions } from '../../simulate/rule-type.js';
import { simulateRule, type SimulationResult } from '../../simulate/simulate-rule.js';
import { withEventId } from '../../simulate/hit-fields.js';
import type { CaseResult } from './case-result.js';
import { compareIncident } from './compare-incident.js';
import { DEFAULT_ELASTALERT_LINE, DEFAULT_SEARCH_ENGINE } from '../../define/platform-defaults.js';

export interface CaseInput {
  definition: Definition;
  mapping: IncidentMapping;
  testCase: TestCase;
  /** The ElastAlert line to simulate. @default '2' */
  elastalert?: ElastAlertLine;
  /** The engine whose query semantics to follow. @default 'elasticsearch' */
  engine?: SearchEngine;
  /** The case's events with its fixtures' events first. */
  events: Record<string, unknown>[];
}

/**
 * Runs one case, purely: the query over the events (with `now` as the clock), the rule type over
 * the hits, realert and aggregation, then the runtime's own `planIncidents` for every alert;
 * compared with the expectation. An error (a query the evaluator refuses, an event without a
 * time) fails the case with its message.
 */
export function runCase(input: CaseInput): CaseResult {
  const { definition: def, testCase, events } = input;
  const result: CaseResult = { name: testCase.name, passed: false, alerts: 0, matches: 0, incidents: [], failures: [] };
  try {
    const { sim } = simulateCase(def, testCase, events, input.elastalert, input.engine);
    result.alerts = sim.alerts.length;
    result.matches = sim.matches.length;
    result.incidents = sim.alerts.flatMap((alert) => planIncidents(alert, input.mapping));
    result.failures = compareWithExpectation(testCase, result);
  } catch (e) {
    result.failures = [e instanceof AlertsmithError ? `${e.message} [${e.code}]` : `internal error: ${describeThrown(e)}`];
  }
  result.passed = result.failures.length === 0;
  return result;
}

/** What `alertsmith test` makes of a case before comparing: the hits, the simulated run, its span. */
export interface CaseSimulation {
  sim: SimulationResult;
  /** When the first run starts and the last one ends, epoch ms. */
  start: number;
  now: number;
}

/**
 * The query over the case's events (with `now` as the clock), then the rule type over the hits
 * with realert and aggregation. Throws an AlertsmithError for what it cannot run.
 */
export function simulateCase(
  def: Definition,
  testCase: Pick<TestCase, 'now' | 'history'>,
  events: Record<string, unknown>[],
  elastalert: ElastAlertLine = DEFAULT_ELASTALERT_LINE,
  engine: SearchEngine = DEFAULT_SEARCH_ENGINE,
): CaseSimulation {
  const { start, now } = caseSpan(def, testCase, events);
  // The case's index: history first (it was there before), then the events.
  const indexDocuments = [...(testCase.history ?? []), ...events];
  const matcher = compileDetectionFilter(def, { now, indexDocuments, engine });
  // `event-<n>` numbers the case's events, whether or not the query keeps them.
  const hits = events.map((e, i) => (e._id === undefined ? withEventId(e, `event-${i + 1}`) : e)).filter((e) => matcher(e));
  const history = (testCase.history ?? []).filter((e) => matcher(e));
  const rule = def as unknown as RuleOptions;
  return { sim: simulateRule({ rule, hits, history, start, now, elastalert }), start, now };
}

/** When a case's first run starts (its earliest event) and its last run ends (`now`, else the latest event), epoch ms. */
export function caseSpan(def: Definition, testCase: Pick<TestCase, 'now'>, events: Record<string, unknown>[]): { start: number; now: number } {
  const times = events.map((e, i) => eventTime(e, i, def.timestamp_field ?? '@timestamp'));
  let now: number;
  if (testCase.now !== undefined) {
    const parsed = parseEventTime(testCase.now);
    if (parsed === undefined) throw new AlertsmithError('ALERTSMITH_TEST_INVALID', `now ${JSON.stringify(testCase.now)} is not an ISO 8601 time such as 2026-01-01T10:30:00Z`);
    now = parsed.ms;
  } else {
    now = Math.max(...times);
  }
  const start = Math.min(times.length > 0 ? Math.min(...times) : now - 2 * durationMs((def as unknown as RuleOptions).timeframe), now);
  return { start, now };
}

function eventTime(e: Record<string, unknown>, i: number, field: string): number {
  const t = parseEventTime(lookupField(e, field));
  if (t === undefined) {
    throw new AlertsmithError('ALERTSMITH_TEST_EVENT', `event ${i + 1} has no ISO 8601 ${field}: every event needs one, e.g. '${field}': '2026-01-01T10:00:00Z'`);
  }
  return t.ms;
}

function compareWithExpectation(testCase: TestCase, r: CaseResult): string[] {
  const want = testCase.expect;
  const out: string[] = [];
  if (want.alerts !== undefined && want.alerts !== r.alerts) {
    out.push(`alerts: expected ${want.alerts}, got ${r.alerts}${r.matches !== r.alerts ? ` (${r.matches} matches before realert/aggregation)` : ''}`);
  }
  if (want.incidents !== undefined && want.incidents !== r.incidents.length) {
    out.push(`incidents: expected ${want.incidents}, got ${r.incidents.length}`);
  }
  if (want.incident !== undefined) {
    const first = r.incidents[0];
    if (first === undefined) out.push('incident: expected one, got no incident');
    else out.push(...compareIncident(want.incident, first.body));
  }
  return out;
}

/** Whether a case asserts that the detection fires (true), stays quiet (false), or neither. */
export function caseFires(testCase: TestCase): boolean | undefined {
  const e = testCase.expect;
  const counts = [e.alerts, e.incidents].filter((n): n is number => n !== undefined);
  if (counts.some((n) => n > 0) || e.incident !== undefined) return true;
  if (counts.length > 0 && counts.every((n) => n === 0)) return false;
  return undefined;
}

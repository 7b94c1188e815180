import type { Definition } from '../../define/schema/definition.js';
import type { ElastAlertLine, SearchEngine } from '../../define/schema/config.js';
import type { IncidentBody } from '../../incident/incident-body.js';
import { incidentMappingOf } from '../../compile/incident-mapping.js';
import { severityNumber, SEVERITY_NAMES, SEVERITY_NUMBERS } from '../../incident/severity.js';
import { incidentPreviewLines } from '../test/incident-preview.js';
import { runCase } from '../test/run-case.js';
import type { TestVerdict } from './test-results.js';

/** What the incident preview of a detection's first test case shows. */
export interface IncidentPreview {
  caseName: string;
  /** The preview `alertsmith test` prints, one line each; empty when the case opened no incident. */
  lines: string[];
  /** The create body XSOAR would get. */
  body?: IncidentBody;
  /** Why there is no incident: the case's failures, or that it expects none. */
  note?: string;
}

/** One detection as the catalog and the summary show it. */
export interface DetectionRecord {
  id: string;
  name: string;
  description: string;
  file: string;
  type: string;
  index: string;
  severity: { name: string; number: number };
  xsoarType: string;
  owner?: string;
  tags: string[];
  tactics: string[];
  techniques: string[];
  query?: string;
  /** The `filter` clauses, as JSON text, when the definition has some. */
  filter?: string;
  /** Number of test cases the definition declares. */
  cases: number;
  test: TestVerdict;
  ruleYaml: string;
  preview?: IncidentPreview;
}

export interface RecordInput {
  definition: Definition;
  file: string;
  ruleYaml: string;
  verdict: TestVerdict | undefined;
  /** The fixture events of the first case (read at the edge). */
  firstCaseFixtureEvents?: Record<string, unknown>[];
  elastalert: ElastAlertLine;
  engine: SearchEngine;
}

/**
 * A detection's record, with the incident preview of its first test case: that case is run
 * offline exactly as `alertsmith test` runs it (same simulation, same incident planning). Pure.
 */
export function detectionRecord(input: RecordInput): DetectionRecord {
  const def = input.definition;
  const number = severityNumber(def.xsoar.severity);
  const record: DetectionRecord = {
    id: def.id,
    name: def.name,
    description: def.description,
    file: input.file,
    type: def.type,
    index: def.index ?? '',
    severity: { name: SEVERITY_NAMES.find((n) => SEVERITY_NUMBERS[n] === number) ?? String(number), number },
    xsoarType: def.xsoar.type,
    ...(def.owner !== undefined ? { owner: def.owner } : {}),
    tags: def.tags ?? [],
    tactics: [...(def.attack?.tactics ?? [])],
    techniques: [...(def.attack?.techniques ?? [])],
    ...(def.query !== undefined ? { query: def.query } : {}),
    ...(def.filter !== undefined ? { filter: JSON.stringify(def.filter, null, 2) } : {}),
    cases: def.tests?.length ?? 0,
    test: input.verdict ?? { status: 'not run', passed: 0, total: 0 },
    ruleYaml: input.ruleYaml,
  };
  const preview = firstCasePreview(input);
  return preview ? { ...record, preview } : record;
}

function firstCasePreview(input: RecordInput): IncidentPreview | undefined {
  const def = input.definition;
  const testCase = def.tests?.[0];
  if (!testCase) return undefined;
  const result = runCase({
    definition: def,
    mapping: incidentMappingOf(def),
    testCase,
    elastalert: input.elastalert,
    engine: input.engine,
    events: [...(input.firstCaseFixtureEvents ?? []), ...(testCase.events ?? [])],
  });
  const first = result.incidents[0];
  if (first) return { caseName: testCase.name, lines: incidentPreviewLines(first), body: first.body };
  const note = result.failures.length > 0 ? result.failures.join('\n') : 'this case opens no incident';
  return { caseName: testCase.name, lines: [], note };
}

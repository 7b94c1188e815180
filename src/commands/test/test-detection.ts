import type { ElastAlertLine, SearchEngine } from '../../define/schema/config.js';
import type { Definition } from '../../define/schema/definition.js';
import { incidentMappingOf } from '../../compile/incident-mapping.js';
import type { DetectionResult } from './case-result.js';
import { caseFires, runCase } from './run-case.js';

export interface DetectionInput {
  definition: Definition;
  file: string;
  /** Events of each case's fixtures, by case index (read at the edge). */
  fixtureEvents?: Record<string, unknown>[][];
  /** The ElastAlert line to simulate where the lines differ. @default '2' */
  elastalert?: ElastAlertLine;
  /** Fail a detection without a case that fires and one that does not. @default false */
  requireTests?: boolean;
  /** The engine whose query semantics to follow (the config's `engine`). @default 'elasticsearch' */
  engine?: SearchEngine;
}

/** Runs every case of one validated detection. Pure. */
export function testDetection(input: DetectionInput): DetectionResult {
  const { definition: def } = input;
  const mapping = incidentMappingOf(def);
  const cases = (def.tests ?? []).map((testCase, i) =>
    runCase({
      definition: def,
      mapping,
      testCase,
      ...(input.elastalert ? { elastalert: input.elastalert } : {}),
      events: [...(input.fixtureEvents?.[i] ?? []), ...(testCase.events ?? [])],
      ...(input.engine ? { engine: input.engine } : {}),
    }),
  );
  const problems: string[] = [];
  if (input.requireTests) {
    const fires = (def.tests ?? []).map(caseFires);
    const lacks = [
      ...(fires.includes(true) ? [] : ['a case that fires (expect alerts > 0)']),
      ...(fires.includes(false) ? [] : ['a case that does not fire (expect alerts: 0)']),
    ];
    if (lacks.length > 0) problems.push(`--require-tests: add ${lacks.join(' and ')} to tests`);
  }
  return { id: def.id, file: input.file, cases, problems };
}

import path from 'node:path';
import type { ElastAlertLine, SearchEngine } from '../../define/schema/config.js';
import type { Definition } from '../../define/schema/definition.js';
import { AlertsmithError, describeThrown } from '../../errors.js';
import type { DetectionResult } from './case-result.js';
import { readFixture } from './read-fixtures.js';
import { testDetection } from './test-detection.js';

export interface DefinitionFileTestOptions {
  /** The definition file as reports show it. */
  file: string;
  requireTests: boolean;
  engine: SearchEngine;
  elastalert: ElastAlertLine;
}

/**
 * Runs the test cases of one valid definition, its fixture files read first. Answers the result
 * and, when the cases ran, the fixture files they read (what the result depends on besides the
 * definition); a fixture that cannot be read fails the detection with the reason.
 */
export async function testDefinitionFile(
  absolute: string,
  definition: Definition,
  options: DefinitionFileTestOptions,
): Promise<{ result: DetectionResult; fixtures?: string[] }> {
  const tests = definition.tests ?? [];
  try {
    const fixtureEvents = await Promise.all(tests.map(async (c) => (await Promise.all((c.fixtures ?? []).map((f) => readFixture(absolute, f)))).flat()));
    const result = testDetection({ definition, file: options.file, fixtureEvents, requireTests: options.requireTests, engine: options.engine, elastalert: options.elastalert });
    return { result, fixtures: tests.flatMap((c) => (c.fixtures ?? []).map((f) => path.resolve(path.dirname(absolute), f))) };
  } catch (e) {
    return { result: { id: definition.id, file: options.file, cases: [], problems: [e instanceof AlertsmithError ? e.message : describeThrown(e)] } };
  }
}

import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.js';
import { createCheckProgram } from '../../src/check/check-program.js';
import type { Finding } from '../../src/check/finding.js';
import { typeDiagnostics, withoutDuplicates } from '../../src/check/type-diagnostics.js';
import { configSchema } from '../../src/define/schema/config.js';
import { FIXTURES, placeOf } from './fixture-helpers.js';

const TYPE_CHECK_TIMEOUT = 120_000;

describe('type check', () => {
  const folder = FIXTURES + 'type-errors';
  // One program for both files: type checking a definition is the slow part of check.
  let diagnostics: Finding[] = [];
  let findings: Finding[] = [];
  beforeAll(async () => {
    const files = ['misspelled-label.ts', 'misspelled-placeholder.ts'].map((f) => `${folder}/${f}`);
    const { project, targets } = createCheckProgram(folder, files);
    diagnostics = typeDiagnostics(project, targets, `${folder}/tsconfig.json`);
    ({ findings } = await checkProject({ cwd: folder, paths: ['.'], config: configSchema.parse({}) }));
  }, TYPE_CHECK_TIMEOUT);

  it('turns a misspelled label into a TypeScript error at file:line:col that says why, not the type text', () => {
    const label = diagnostics.find((f) => f.file.endsWith('misspelled-label.ts'))!;
    expect(label).toMatchObject({ level: 'error', line: 5 });
    expect(label.message).toBe('"host.nmae" is not ECS, not in CustomEventFields or eventFields, not added by this rule type (TS2322)');
  });

  it('turns a misspelled placeholder into a TypeScript error naming the field', () => {
    const placeholder = diagnostics.find((f) => f.file.endsWith('misspelled-placeholder.ts'))!;
    expect(`misspelled-placeholder.ts:${placeholder.line}:${placeholder.column}`).toBe(
      placeOf('type-errors', 'misspelled-placeholder.ts', 'details'),
    );
    expect(placeholder.message).toBe('"rule.descriptin" is not ECS, not in CustomEventFields or eventFields, not added by this rule type (TS2322)');
  });

  it('reports each misspelled name once in check: the unknown-field finding with "did you mean", not the TypeScript error too', () => {
    expect(findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      'unknown-field unknown field "host.nmae" in xsoar.labels: did you mean "host.name"?',
      'unknown-field unknown field "rule.descriptin" in the placeholder in xsoar.details: did you mean "rule.description"?',
    ]);
  });
});

describe('withoutDuplicates', () => {
  const at = (ruleId: string, line: number, column: number, endColumn: number, message = 'm'): Finding => ({
    ruleId, level: 'error', message, file: '/p/a.ts', line, column, endLine: line, endColumn,
  });

  it('drops an assignability error whose span holds a check error, or that starts earlier on its line', () => {
    const inside = at('typescript', 3, 10, 30, 'x (TS2322)');
    const onName = at('typescript', 4, 3, 11, 'x (TS2820)');
    expect(withoutDuplicates([inside, onName], [at('unknown-field', 3, 12, 20), at('definition-schema', 4, 13, 19)])).toEqual([]);
  });

  it('keeps other TypeScript errors, errors on other lines, and errors beside warnings only', () => {
    const missingImport = at('typescript', 3, 10, 30, 'Cannot find module (TS2307)');
    const otherLine = at('typescript', 7, 1, 5, 'x (TS2322)');
    const checked = [at('unknown-field', 3, 12, 20), { ...at('index-pattern', 7, 2, 3), level: 'warning' as const }];
    expect(withoutDuplicates([missingImport, otherLine], checked)).toEqual([missingImport, otherLine]);
  });
});

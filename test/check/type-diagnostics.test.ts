import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.js';
import { configSchema } from '../../src/define/schema/config.js';
import { FIXTURES, placeOf } from './fixture-helpers.js';

describe('type check', () => {
  // One program for both files: type checking a definition is the slow part of check.
  const { findings } = checkProject({ cwd: FIXTURES + 'type-errors', paths: ['.'], config: configSchema.parse({}) });
  const typeErrors = findings.filter((f) => f.ruleId === 'typescript');

  it('reports a misspelled label as a TypeScript error at file:line:col, naming the field', () => {
    const label = typeErrors.find((f) => f.file.endsWith('misspelled-label.ts'))!;
    expect(label).toMatchObject({ level: 'error', line: 5 });
    expect(label.message).toContain(`Type '"host.nmae"' is not assignable`);
    expect(label.message).toContain('\\"host.nmae\\" is not ECS, not in CustomEventFields or eventFields, not added by this rule type');
    expect(label.message).toMatch(/\(TS2322\)$/);
  });

  it('reports a misspelled placeholder as a TypeScript error naming the field', () => {
    const placeholder = typeErrors.find((f) => f.file.endsWith('misspelled-placeholder.ts'))!;
    expect(`misspelled-placeholder.ts:${placeholder.line}:${placeholder.column}`).toBe(
      placeOf('type-errors', 'misspelled-placeholder.ts', 'details'),
    );
    expect(placeholder.message).toContain('\\"rule.descriptin\\" is not ECS, not in CustomEventFields or eventFields, not added by this rule type');
  });

  it('reports the lint finding for the same names alongside, pointing at the name itself', () => {
    const lint = findings.filter((f) => f.ruleId === 'unknown-field').map((f) => f.message);
    expect(lint).toEqual([
      'unknown field "host.nmae" in xsoar.labels: did you mean "host.name"?',
      'unknown field "rule.descriptin" in the placeholder in xsoar.details: did you mean "rule.description"?',
    ]);
  });

  it('reports exactly these findings, one message per line', () => {
    expect(findings.map((f) => f.ruleId)).toEqual(['typescript', 'unknown-field', 'typescript', 'unknown-field']);
    expect(findings.every((f) => !f.message.includes('\n'))).toBe(true);
  });
});

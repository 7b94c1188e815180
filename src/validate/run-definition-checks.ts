import { FieldSet, ownFieldsOf } from '../check/field-set.js';
import type { FindingLevel } from '../check/finding.js';
import type { RuleSetting } from '../check/rule-levels.js';
import type { ResolvedConfig } from '../define/schema/config.js';
import type { DefinitionCheck, EvaluatedDefinition, Problem } from './definition-check.js';
import { DEFINITION_CHECKS } from './definition-checks.js';

/** A problem with its file, check and level: everything but the place in the source. */
export interface CheckedProblem extends Problem {
  file: string;
  ruleId: string;
  level: FindingLevel;
  /** No comment turns it off (see `DefinitionCheck.required`). */
  required: boolean;
}

export interface RunChecksOptions {
  config: ResolvedConfig;
  /** ECS and the project's CustomEventFields (see `projectDocumentFields`). */
  commonFields: ReadonlySet<string>;
  /** `check.rules` resolved: a check's setting, or undefined for its own level. */
  settings: ReadonlyMap<string, RuleSetting | undefined>;
  checks?: readonly DefinitionCheck[];
  /** What the checks across definitions see, in order (with files checked in an earlier run). @default definitions */
  projectScope?: readonly EvaluatedDefinition[];
}

/** Runs every definition check over every definition. Pure. */
export function runDefinitionChecks(definitions: readonly EvaluatedDefinition[], options: RunChecksOptions): CheckedProblem[] {
  const problems: CheckedProblem[] = [];
  const active = (options.checks ?? DEFINITION_CHECKS).filter((c) => options.settings.get(c.id) !== 'off');
  const reporter = (check: DefinitionCheck, definition: EvaluatedDefinition) => (problem: Problem) => {
    const setting = options.settings.get(check.id);
    const level = setting !== undefined && setting !== 'off' ? setting : (problem.level ?? check.level);
    problems.push({ ...problem, file: definition.file, ruleId: check.id, level, required: check.required === true });
  };
  for (const definition of definitions) {
    const fields = new FieldSet(ownFieldsOf(definition.value), options.commonFields);
    for (const check of active) check.checkDefinition?.({ definition, fields, config: options.config, report: reporter(check, definition) });
  }
  for (const check of active) {
    check.checkProject?.({ definitions: options.projectScope ?? definitions, report: (definition, problem) => reporter(check, definition)(problem) });
  }
  return problems;
}

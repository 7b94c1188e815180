import type { ElastAlertLine } from '../define/schema/config.js';
import { AlertsmithError, EXIT } from '../errors.js';

/**
 * A test case the simulation cannot run faithfully (bad event data, an unsimulated option), or
 * one on which ElastAlert itself would crash inside the rule type and disable the rule.
 */
export class SimulationError extends AlertsmithError {
  constructor(code: 'ALERTSMITH_TEST_EVENT' | 'ALERTSMITH_TEST_UNSUPPORTED' | 'ALERTSMITH_TEST_DISABLED', message: string) {
    super(code, message, EXIT.failed);
  }
}

/** ElastAlert's names for its lines, as messages give them. */
export const ELASTALERT_LINE_NAMES: Record<ElastAlertLine, string> = { '2': 'ElastAlert 2', '0.2': 'ElastAlert 0.2.4' };

/**
 * An exception escaping a rule type: ElastAlert's `handle_uncaught_exception` disables the rule
 * (`disable_rules_on_error`, on by default), so the case fails with why.
 */
export function ruleDisabled(line: ElastAlertLine, reason: string): SimulationError {
  return new SimulationError('ALERTSMITH_TEST_DISABLED', `${ELASTALERT_LINE_NAMES[line]} disables this rule: ${reason}`);
}

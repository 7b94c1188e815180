import { AlertsmithError, EXIT } from '../errors.js';

/** A test case the simulation cannot run faithfully: bad event data or an unsimulated option. */
export class SimulationError extends AlertsmithError {
  constructor(code: 'ALERTSMITH_TEST_EVENT' | 'ALERTSMITH_TEST_UNSUPPORTED', message: string) {
    super(code, message, EXIT.failed);
  }
}

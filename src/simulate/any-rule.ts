import { SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';

/** `type: any`: every hit is a match. */
export class AnyRule extends SimulatedRuleType {
  addData(events: SimEvent[]): void {
    for (const e of events) this.addMatch(e);
  }
}

import type { EventTime } from './elastalert-time.js';
import { hashKey, pyHashable } from './python-values.js';
import { durationUs, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';

/**
 * `type: cardinality`: more than `max_cardinality` distinct `cardinality_field` values within
 * `timeframe` (per `query_key`), or fewer than `min_cardinality` once a timeframe has passed.
 * Values older than the timeframe are forgotten only when a match is possible, as in ElastAlert.
 */
export class CardinalityRule extends SimulatedRuleType {
  private readonly cache = new Map<string, { value: unknown; terms: Map<string, number> }>();
  private readonly firstEvent = new Map<string, number>();
  private readonly timeframe = durationUs(this.rule.timeframe);

  addData(events: SimEvent[]): void {
    for (const e of events) {
      let key = '"all"';
      let qv: unknown = 'all';
      if (this.rule.query_key !== undefined) {
        qv = pyHashable(this.lookup(e.doc, this.rule.query_key as string));
        key = hashKey(qv);
      }
      if (!this.cache.has(key)) this.cache.set(key, { value: qv, terms: new Map() });
      if (!this.firstEvent.has(key)) this.firstEvent.set(key, e.time.us);
      const value = this.lookup(e.doc, this.rule.cardinality_field as string);
      if (value !== undefined && value !== null) {
        this.cache.get(key)!.terms.set(hashKey(value), e.time.us);
        this.checkForMatch(key, e, true);
      }
    }
  }

  private checkForMatch(key: string, e: SimEvent, gc: boolean): void {
    const size = this.cache.get(key)!.terms.size;
    const elapsed = e.time.us - (this.firstEvent.get(key) ?? e.time.us);
    const max = (this.rule.max_cardinality as number | undefined) ?? Infinity;
    const min = (this.rule.min_cardinality as number | undefined) ?? -Infinity;
    if (size > max || (size < min && elapsed > this.timeframe)) {
      if (gc) {
        this.garbageCollect(e.time);
        this.checkForMatch(key, e, false);
      } else {
        this.firstEvent.delete(key);
        this.addMatch(e);
      }
    }
  }

  override garbageCollect(at: EventTime): void {
    for (const [key, entry] of this.cache) {
      for (const [term, last] of [...entry.terms]) if (at.us - last > this.timeframe) entry.terms.delete(term);
      if (this.rule.min_cardinality !== undefined) {
        const extra = this.rule.query_key !== undefined ? { [this.rule.query_key as string]: entry.value } : {};
        this.checkForMatch(key, this.placeholder(at, extra), false);
      }
    }
  }
}

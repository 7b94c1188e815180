import type { EventTime } from './elastalert-time.js';
import { EventWindow } from './event-window.js';
import { hashKey, pyHashable, pyInt } from './python-values.js';
import { durationUs, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';
import { ruleDisabled } from './simulation-error.js';

interface SpikeWindows {
  value: unknown;
  ref: EventWindow;
  cur: EventWindow;
}

/**
 * `type: spike`: the count (or mean of `field_value`) of the current `timeframe` against the one
 * before it. Hits leaving the current window enter the reference window; no alert until two
 * timeframes have been watched (ElastAlert's `ref_window_filled_once`, `alert_on_new_data`).
 * As in ElastAlert, `garbage_collect` forgets an idle key's windows but not its first-event and
 * skip times, so a key that comes back may alert at once.
 */
export class SpikeRule extends SimulatedRuleType {
  private readonly windows = new Map<string, SpikeWindows>();
  private readonly firstEvent = new Map<string, number>();
  private readonly skipUntil = new Map<string, number>();
  private refFilledOnce = false;
  private readonly timeframe = durationUs(this.rule.timeframe);

  addData(events: SimEvent[]): void {
    for (const e of events) {
      // ElastAlert's key: 'all' without a query_key, 'other' for an event without its value.
      let value: unknown = 'all';
      if (this.rule.query_key !== undefined) {
        const found = this.lookup(e.doc, this.rule.query_key as string);
        value = found === undefined || found === null ? 'other' : pyHashable(found);
      }
      const key = hashKey(value);
      const field = this.rule.field_value as string | undefined;
      if (field === undefined) {
        this.handle(e, 1, key, value);
        continue;
      }
      // ElastAlert 2 tests `field_value in event`: a top-level key only. 0.2.4 looks the path up.
      if (this.line === '2' && !Object.hasOwn(e.doc, field)) continue;
      const raw = this.lookup(e.doc, field);
      if (raw === undefined || raw === null) continue;
      const n = pyInt(raw);
      if (n === 'TypeError') throw ruleDisabled(this.line, `field_value ${field} holds ${JSON.stringify(raw)}, which Python's int() refuses with a TypeError`);
      if (n === 'ValueError') continue; // ElastAlert logs "is not a number" and skips it
      this.handle(e, n, key, value);
    }
  }

  private handle(e: SimEvent, count: number, key: string, value: unknown): void {
    if (!this.firstEvent.has(key)) {
      // ElastAlert reads the key's first event's time as `event[timestamp_field]`: a top-level key.
      if (!Object.hasOwn(e.doc, this.tsField)) {
        throw ruleDisabled(this.line, `spike reads timestamp_field ${this.tsField} as a top-level key of the event, and the event holds it nested (KeyError)`);
      }
      this.firstEvent.set(key, e.time.us);
    }
    let w = this.windows.get(key);
    if (!w) {
      const ref = new EventWindow(this.timeframe, this.line);
      w = { value, ref, cur: new EventWindow(this.timeframe, this.line, (pair) => ref.append(pair)) };
      this.windows.set(key, w);
    }
    w.cur.append([e, count]);
    if (e.time.us - this.firstEvent.get(key)! < this.timeframe * 2) {
      if (!this.refFilledOnce) return;
      if (!(this.rule.query_key !== undefined && this.rule.alert_on_new_data)) return;
      if (e.time.us < (this.skipUntil.get(key) ?? -Infinity)) return;
    } else {
      this.refFilledOnce = true;
    }
    const byMean = this.rule.field_value !== undefined;
    const ref = byMean ? w.ref.mean() : w.ref.count();
    const cur = byMean ? w.cur.mean() : w.cur.count();
    if (!this.findMatches(ref, cur)) return;
    let chosen = w.cur.data[0]!;
    for (const pair of w.cur.data) {
      chosen = pair;
      if (byMean ? !pair[0].placeholder : pair[1] !== 0) break;
    }
    this.addMatch(chosen[0], { spike_count: cur, reference_count: ref });
    w.ref.clear();
    this.firstEvent.delete(key);
    this.skipUntil.set(key, chosen[0].time.us + this.timeframe * 2);
  }

  private findMatches(ref: number | null, cur: number | null): boolean {
    if (this.rule.field_value === undefined) {
      if ((cur ?? 0) < ((this.rule.threshold_cur as number | undefined) ?? 0) || (ref ?? 0) < ((this.rule.threshold_ref as number | undefined) ?? 0)) return false;
    } else if (!ref || !cur) {
      return false;
    }
    const height = this.rule.spike_height as number;
    const down = cur! <= ref! / height;
    const up = cur! >= ref! * height;
    const type = this.rule.spike_type as string;
    return ((type === 'both' || type === 'up') && up) || ((type === 'both' || type === 'down') && down);
  }

  override garbageCollect(end: EventTime): void {
    for (const [key, w] of [...this.windows]) {
      // ElastAlert tells the rule's own key from a query_key value by `qk != 'all'`.
      const keyed = w.value !== 'all';
      if (keyed && w.ref.count() === 0 && w.cur.count() === 0) {
        this.windows.delete(key);
        continue;
      }
      const extra: Record<string, unknown> = { placeholder: true };
      if (keyed) extra[this.rule.query_key as string] = w.value;
      this.handle(this.placeholder(end, extra), 0, key, w.value);
    }
  }
}

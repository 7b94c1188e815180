import { lookupField } from '../incident/field-lookup.js';
import type { EventTime } from './elastalert-time.js';
import { EventWindow } from './event-window.js';
import { hashKey } from './python-values.js';
import { durationMs, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';

interface SpikeState {
  value: unknown;
  ref: EventWindow;
  cur: EventWindow;
  first?: number;
  skipUntil?: number;
}

/**
 * `type: spike`: the count (or mean of `field_value`) of the current `timeframe` against the one
 * before it. Hits leaving the current window enter the reference window; no alert until two
 * timeframes have been watched (ElastAlert's `ref_window_filled_once`, `alert_on_new_data`).
 */
export class SpikeRule extends SimulatedRuleType {
  private readonly states = new Map<string, SpikeState>();
  private refFilledOnce = false;
  private readonly timeframe = durationMs(this.rule.timeframe);

  addData(events: SimEvent[]): void {
    for (const e of events) {
      let key = '"all"';
      let value: unknown = 'all';
      if (this.rule.query_key !== undefined) {
        value = lookupField(e.doc, this.rule.query_key as string) ?? 'other';
        key = hashKey(value);
      }
      const field = this.rule.field_value as string | undefined;
      if (field !== undefined) {
        const raw = lookupField(e.doc, field);
        if (raw === undefined || raw === null) continue;
        const n = typeof raw === 'number' ? Math.trunc(raw) : /^\s*[+-]?\d+\s*$/.test(String(raw)) ? Number(raw) : NaN;
        if (Number.isNaN(n)) continue; // ElastAlert logs "is not a number" and skips it
        this.handle(e, n, key, value);
      } else {
        this.handle(e, 1, key, value);
      }
    }
  }

  private handle(e: SimEvent, count: number, key: string, value: unknown): void {
    let s = this.states.get(key);
    if (!s) {
      const ref = new EventWindow(this.timeframe);
      s = { value, ref, cur: new EventWindow(this.timeframe, (pair) => ref.append(pair)) };
      this.states.set(key, s);
    }
    s.first ??= e.time.ms;
    s.cur.append([e, count]);
    if (e.time.ms - s.first < this.timeframe * 2) {
      if (!this.refFilledOnce) return;
      if (!(this.rule.query_key !== undefined && this.rule.alert_on_new_data)) return;
      if (s.skipUntil !== undefined && e.time.ms < s.skipUntil) return;
    } else {
      this.refFilledOnce = true;
    }
    const byMean = this.rule.field_value !== undefined;
    const ref = byMean ? s.ref.mean() : s.ref.count();
    const cur = byMean ? s.cur.mean() : s.cur.count();
    if (!this.findMatches(ref, cur)) return;
    let chosen = s.cur.data[0]!;
    for (const pair of s.cur.data) {
      chosen = pair;
      if (byMean ? !pair[0].placeholder : pair[1] !== 0) break;
    }
    this.addMatch(chosen[0], { spike_count: cur, reference_count: ref });
    s.ref.clear();
    s.first = undefined;
    s.skipUntil = chosen[0].time.ms + this.timeframe * 2;
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
    for (const [key, s] of [...this.states]) {
      if (key !== '"all"' && s.ref.count() === 0 && s.cur.count() === 0) {
        this.states.delete(key);
        continue;
      }
      const extra = this.rule.query_key !== undefined && key !== '"all"' ? { [this.rule.query_key as string]: s.value } : {};
      this.handle(this.placeholder(end, extra), 0, key, s.value);
    }
  }
}

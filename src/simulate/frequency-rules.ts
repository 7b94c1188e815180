import { pythonIsoFormat, type EventTime } from './elastalert-time.js';
import { EventWindow } from './event-window.js';
import { hashKey, pyHashable } from './python-values.js';
import { durationUs, SimulatedRuleType } from './rule-type.js';
import type { SimEvent } from './sim-event.js';

/**
 * `type: frequency`: `num_events` hits within `timeframe` (per `query_key`). The match is the
 * newest hit of the window; the window is emptied after a match.
 */
export class FrequencyRule extends SimulatedRuleType {
  protected readonly occurrences = new Map<string, { value: unknown; window: EventWindow }>();

  protected keyOf(e: SimEvent): { key: string; value: unknown } {
    if (this.rule.query_key === undefined) return { key: '"all"', value: 'all' };
    const value = pyHashable(this.lookup(e.doc, this.rule.query_key as string));
    return { key: hashKey(value), value };
  }

  protected windowOf(key: string, value: unknown): EventWindow {
    let entry = this.occurrences.get(key);
    if (!entry) {
      entry = { value, window: new EventWindow(durationUs(this.rule.timeframe), this.line) };
      this.occurrences.set(key, entry);
    }
    return entry.window;
  }

  addData(events: SimEvent[]): void {
    let last: { key: string; value: unknown } | undefined;
    for (const e of events) {
      last = this.keyOf(e);
      this.windowOf(last.key, last.value).append([e, 1]);
      this.checkForMatch(last.key, false);
    }
    // ElastAlert checks the last hit's key again, under that hit's own value (`True` for a key first seen as `1`).
    if (last !== undefined && this.occurrences.has(last.key)) this.checkForMatch(last.key, true, last);
  }

  protected checkForMatch(key: string, _end: boolean, _as?: { value: unknown }): void {
    const window = this.occurrences.get(key)!.window;
    if (window.count() >= (this.rule.num_events as number)) {
      const newest = window.data[window.data.length - 1]![0];
      const extra: Record<string, unknown> = {};
      if (this.rule.attach_related) extra.related_events = window.data.slice(0, -1).map(([e]) => relatedEvent(e, this.tsField));
      this.addMatch(newest, extra);
      this.occurrences.delete(key);
    }
  }
}

/**
 * `type: flatline`: fewer than `threshold` hits within `timeframe` (per `query_key`), checked at
 * the end of each run, once a whole `timeframe` has been watched. Runs without hits still move
 * the window (ElastAlert's placeholder events), so silence is seen.
 */
export class FlatlineRule extends FrequencyRule {
  private readonly firstEvent = new Map<string, number>();

  protected override checkForMatch(key: string, end: boolean, as?: { value: unknown }): void {
    if (!end) return;
    const entry = this.occurrences.get(key)!;
    const window = entry.window;
    const newest = window.data[window.data.length - 1]!;
    const mostRecent = newest[0].time.us;
    if (!this.firstEvent.has(key)) this.firstEvent.set(key, mostRecent);
    const timeframe = durationUs(this.rule.timeframe);
    if (mostRecent - this.firstEvent.get(key)! < timeframe) return;
    const count = window.count();
    if (count < (this.rule.threshold as number)) {
      // ElastAlert 2 adds the threshold to the match; 0.2.4 does not.
      this.addMatch(newest[0], { key: (as ?? entry).value, count, ...(this.line === '2' ? { threshold: this.rule.threshold } : {}) });
      // Without forget_keys ElastAlert moves first_event to at most a timeframe before the newest
      // event, which keeps every later check past the wait, as the first_event it had already did.
      if (this.rule.forget_keys) {
        this.firstEvent.delete(key);
        this.occurrences.delete(key);
      }
    }
  }

  override garbageCollect(end: EventTime): void {
    const keys = [...this.occurrences.keys()];
    if (keys.length === 0 && this.rule.query_key === undefined) keys.push('"all"');
    for (const key of keys) {
      // The placeholder is the window's newest event: checkForMatch takes its time as the first
      // event's when the key has none, as ElastAlert's `first_event.setdefault(key, ts)` does.
      this.windowOf(key, this.occurrences.get(key)?.value ?? 'all').append([this.placeholder(end), 0]);
      this.checkForMatch(key, true);
    }
  }
}

/** A related event keeps ElastAlert's datetime, which the JSON encoder writes with `isoformat()`. */
function relatedEvent(e: SimEvent, tsField: string): Record<string, unknown> {
  const doc = structuredClone(e.doc);
  if (Object.hasOwn(doc, tsField)) doc[tsField] = pythonIsoFormat(e.time);
  return doc;
}

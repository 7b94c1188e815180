import type { ElastAlertLine } from '../define/schema/config.js';
import type { SimEvent } from './sim-event.js';
import { ruleDisabled } from './simulation-error.js';

/**
 * ElastAlert's `EventWindow`: (event, count) pairs sorted by time. Appending drops the oldest
 * pairs while the newest and oldest are `timeframe` or more apart, handing each to `onRemoved`.
 */
export class EventWindow {
  readonly data: [SimEvent, number][] = [];
  private running = 0;

  constructor(
    private readonly timeframe: number,
    /** The ElastAlert line, named when the window makes ElastAlert disable the rule. */
    private readonly line: ElastAlertLine,
    private readonly onRemoved?: (pair: [SimEvent, number]) => void,
  ) {}

  append(pair: [SimEvent, number]): void {
    let i = this.data.length;
    while (i > 0 && this.data[i - 1]![0].time.us > pair[0].time.us) i--;
    this.data.splice(i, 0, pair);
    this.running += pair[1];
    while (this.duration() >= this.timeframe) {
      const oldest = this.data.shift();
      // A timeframe of 0 empties the window and goes on: ElastAlert then reads past the end of its list.
      if (oldest === undefined) throw ruleDisabled(this.line, 'a timeframe of 0 empties the event window, and ElastAlert then reads past its end (IndexError: list index out of range)');
      this.running -= oldest[1];
      this.onRemoved?.(oldest);
    }
  }

  duration(): number {
    if (this.data.length === 0) return 0;
    return this.data[this.data.length - 1]![0].time.us - this.data[0]![0].time.us;
  }

  count(): number {
    return this.running;
  }

  /** The mean count of the real events (placeholders left out), or null without any. */
  mean(): number | null {
    let sum = 0;
    let n = 0;
    for (const [e, count] of this.data) {
      if (e.placeholder) continue;
      sum += count;
      n++;
    }
    return n > 0 ? sum / n : null;
  }

  clear(): void {
    this.data.length = 0;
    this.running = 0;
  }
}

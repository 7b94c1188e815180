import type { SimEvent } from './sim-event.js';

/**
 * ElastAlert's `EventWindow`: (event, count) pairs sorted by time. Appending drops the oldest
 * pairs while the newest and oldest are `timeframe` or more apart, handing each to `onRemoved`.
 */
export class EventWindow {
  readonly data: [SimEvent, number][] = [];
  private running = 0;

  constructor(
    private readonly timeframe: number,
    private readonly onRemoved?: (pair: [SimEvent, number]) => void,
  ) {}

  append(pair: [SimEvent, number]): void {
    let i = this.data.length;
    while (i > 0 && this.data[i - 1]![0].time.us > pair[0].time.us) i--;
    this.data.splice(i, 0, pair);
    this.running += pair[1];
    while (this.duration() >= this.timeframe && this.data.length > 0) {
      const oldest = this.data.shift()!;
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

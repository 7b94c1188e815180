import { describe, expect, it } from 'vitest';
import { timeAt } from '../../src/simulate/elastalert-time.js';
import { EventWindow } from '../../src/simulate/event-window.js';
import type { SimEvent } from '../../src/simulate/sim-event.js';

const ev = (ms: number, placeholder = false): SimEvent => ({ doc: { at: ms }, time: timeAt(ms), ...(placeholder ? { placeholder } : {}) });

describe('EventWindow', () => {
  it('keeps pairs in time order whatever order they come in, and sums their counts', () => {
    const w = new EventWindow(10_000_000, '2'); // microseconds, as Python's timedelta compares them
    w.append([ev(3000), 1]);
    w.append([ev(1000), 2]);
    w.append([ev(2000), 4]);
    w.append([ev(2000), 8]);
    expect(w.data.map(([e, c]) => [e.time.ms, c])).toEqual([[1000, 2], [2000, 4], [2000, 8], [3000, 1]]);
    expect(w.count()).toBe(15);
    expect(w.duration()).toBe(2_000_000);
  });

  it('drops the oldest pairs once newest and oldest are a whole timeframe apart, telling onRemoved', () => {
    const removed: number[] = [];
    const w = new EventWindow(10_000_000, '2', ([e]) => removed.push(e.time.ms));
    w.append([ev(0), 1]);
    w.append([ev(9_999), 1]);
    expect(removed).toEqual([]);
    w.append([ev(10_000), 5]);
    expect(removed).toEqual([0]);
    expect(w.count()).toBe(6);
    expect(w.data.map(([e]) => e.time.ms)).toEqual([9_999, 10_000]);
  });

  it('gives the mean count of real events, null with placeholders only, and empties on clear', () => {
    const w = new EventWindow(1e12, '2');
    expect(w.mean()).toBeNull();
    expect(w.duration()).toBe(0);
    w.append([ev(0, true), 100]);
    expect(w.mean()).toBeNull();
    w.append([ev(1), 2]);
    w.append([ev(2), 4]);
    expect(w.mean()).toBe(3);
    w.clear();
    expect([w.data.length, w.count(), w.mean()]).toEqual([0, 0, null]);
  });

  // Checked against both ElastAlert lines: frequency, spike and flatline with timeframe 0 are disabled at their first event.
  it('with a timeframe of 0, fails as ElastAlert does: the rule is disabled, naming the IndexError', () => {
    const w = new EventWindow(0, '0.2');
    expect(() => w.append([ev(0), 1])).toThrow('ElastAlert 0.2.4 disables this rule: a timeframe of 0 empties the event window, and ElastAlert then reads past its end (IndexError: list index out of range)');
  });
});

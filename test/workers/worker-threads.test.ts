import { describe, expect, it } from 'vitest';
import { shares, workerCount } from '../../src/workers/worker-threads.js';

describe('workerCount', () => {
  const none = {};
  it('uses one worker per core but one when each gets enough work, else none', () => {
    expect(workerCount(1000, 150, none, 8)).toBe(6);
    expect(workerCount(5000, 150, none, 8)).toBe(7);
    expect(workerCount(1000, 150, none, 4)).toBe(3);
    expect(workerCount(299, 150, none, 4)).toBe(0);
    expect(workerCount(300, 150, none, 4)).toBe(2);
    // One worker would only move the type checking off the main thread: none on 2 cores, or 1.
    expect(workerCount(5000, 150, none, 2)).toBe(0);
    expect(workerCount(5000, 150, none, 1)).toBe(0);
  });

  it('takes the number ALERTSMITH_WORKERS gives, never more than the items', () => {
    expect(workerCount(10, 150, { ALERTSMITH_WORKERS: '2' }, 2)).toBe(2);
    expect(workerCount(1, 150, { ALERTSMITH_WORKERS: '4' }, 2)).toBe(1);
    expect(workerCount(1000, 150, { ALERTSMITH_WORKERS: '0' }, 2)).toBe(0);
    expect(workerCount(1000, 150, { ALERTSMITH_WORKERS: '' }, 4)).toBe(3);
  });

  it('refuses a number of workers that is not a whole number', () => {
    expect(() => workerCount(10, 150, { ALERTSMITH_WORKERS: 'two' }, 2)).toThrow(/ALERTSMITH_WORKERS is a whole number/);
    expect(() => workerCount(10, 150, { ALERTSMITH_WORKERS: '-1' }, 2)).toThrow(/got "-1"/);
  });
});

describe('shares', () => {
  it('splits in contiguous shares of nearly equal size, in order, nothing lost', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(shares(items, 3)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(shares(items, 1)).toEqual([items]);
    expect(shares([], 2)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/check/type-check-workers.js';

describe('workerCount', () => {
  it('uses one worker per core when each gets enough definitions, else none', () => {
    expect(workerCount(1000, 2)).toBe(2);
    expect(workerCount(1000, 8)).toBe(6);
    expect(workerCount(299, 2)).toBe(0);
    expect(workerCount(300, 2)).toBe(2);
    expect(workerCount(5000, 1)).toBe(0);
  });

  it('takes the number ALERTSMITH_CHECK_WORKERS gives, never more than the files', () => {
    expect(workerCount(10, 2, '2')).toBe(2);
    expect(workerCount(1, 2, '4')).toBe(1);
    expect(workerCount(1000, 2, '0')).toBe(0);
    expect(workerCount(1000, 2, '')).toBe(2);
  });

  it('refuses a number of workers that is not a whole number', () => {
    expect(() => workerCount(10, 2, 'two')).toThrow(/ALERTSMITH_CHECK_WORKERS is a whole number/);
    expect(() => workerCount(10, 2, '-1')).toThrow(/got "-1"/);
  });
});

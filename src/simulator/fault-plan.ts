import type { SimulatorFault } from './contract.js';

/** What to do with one request before it is handled normally. */
export type FaultAction =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'answer'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'none' };

/**
 * The injected faults and how many requests each still applies to. Connection faults (reset,
 * hang) apply to any request; answer faults (429, N failures) only to create calls, rate
 * limiting first. Each request consumes at most one fault.
 */
export class FaultPlan {
  private faults: SimulatorFault = {};

  inject(fault: SimulatorFault): void {
    for (const [kind, setting] of Object.entries(fault)) {
      if (setting === undefined) continue;
      // Copy the counters so the caller's object is never mutated.
      (this.faults as Record<string, unknown>)[kind] = typeof setting === 'object' ? { ...setting } : setting;
    }
  }

  clear(): void {
    this.faults = {};
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  take(isCreate: boolean): FaultAction {
    const { reset, hang, rateLimit, fail } = this.faults;
    if (reset !== undefined && reset.count > 0) {
      reset.count -= 1;
      return { kind: 'reset' };
    }
    if (hang !== undefined && hang.count > 0) {
      hang.count -= 1;
      return { kind: 'hang' };
    }
    if (!isCreate) return { kind: 'none' };
    if (rateLimit !== undefined && rateLimit.count > 0) {
      rateLimit.count -= 1;
      return {
        kind: 'answer',
        status: 429,
        body: { id: 'too_many_requests', status: 429, title: 'Too Many Requests', detail: 'rate limit exceeded (injected)' },
        headers: { 'retry-after': String(rateLimit.retryAfterSeconds) },
      };
    }
    if (fail !== undefined && fail.count > 0) {
      fail.count -= 1;
      return {
        kind: 'answer',
        status: fail.status,
        body: fail.body ?? { id: 'injected_failure', status: fail.status, title: 'Injected failure', detail: 'failure injected by the test' },
        headers: {},
      };
    }
    return { kind: 'none' };
  }
}

import type { CommitSpoil, FaultName, SimulatorFault } from './contract.js';
import { seededRandom } from '../seeded-random.js';

/** What to do with one request instead of (or after) handling it normally. */
export type FaultAction =
  | { kind: 'reset-before-read' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'answer'; status: number; body: unknown; headers: Record<string, string> }
  /** Handle the request normally (a create creates), then spoil the reply. */
  | { kind: 'after-commit'; spoil: CommitSpoil; status: number; delayMs: number }
  | { kind: 'none' };

const DEFAULT_SPOIL_STATUS = 504;
const DEFAULT_DELAY_MS = 30_000;

/** The faults a random draw picks from, evenly. */
const RANDOM_FAULTS: readonly FaultName[] = [
  'fail', 'rate-limit', 'reset-before-read', 'reset', 'hang',
  'commit-then-status', 'commit-then-reset', 'commit-then-truncate', 'commit-then-delay',
];

/**
 * The injected faults and how many requests each still applies to. Counted faults are taken in
 * a fixed order (connection faults, then commit faults, then answers); answer faults (429, N
 * failures) apply only to create calls. Each request consumes at most one fault. A random plan
 * draws one per request instead, from its seed.
 */
export class FaultPlan {
  private faults: SimulatorFault = {};
  private draw: (() => number) | undefined;
  private readonly counts = new Map<FaultName, number>();

  inject(fault: SimulatorFault): void {
    for (const [kind, setting] of Object.entries(fault)) {
      if (setting === undefined) continue;
      // Copy the counters so the caller's object is never mutated.
      (this.faults as Record<string, unknown>)[kind] = typeof setting === 'object' ? { ...setting } : setting;
    }
    if (fault.random !== undefined) this.draw = seededRandom(fault.random.seed);
  }

  clear(): void {
    this.faults = {};
    this.draw = undefined;
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  countsByName(): Partial<Record<FaultName, number>> {
    return Object.fromEntries(this.counts);
  }

  take(isCreate: boolean): FaultAction {
    const name = this.pick(isCreate);
    if (name === undefined) return { kind: 'none' };
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    return this.action(name);
  }

  /** The fault this request gets, consuming its counter, if any. */
  private pick(isCreate: boolean): FaultName | undefined {
    const { random } = this.faults;
    if (random !== undefined && this.draw !== undefined) {
      const hit = this.draw() < random.probability;
      const choice = RANDOM_FAULTS[Math.floor(this.draw() * RANDOM_FAULTS.length)]!;
      if (!hit) return undefined;
      // Answer faults stand for XSOAR refusing a create; other requests get a reset instead.
      return !isCreate && (choice === 'fail' || choice === 'rate-limit') ? 'reset' : choice;
    }
    const counted: [FaultName, { count: number } | undefined, boolean][] = [
      ['reset-before-read', this.faults.resetBeforeRead, true],
      ['reset', this.faults.reset, true],
      ['hang', this.faults.hang, true],
      [`commit-then-${this.faults.afterCommit?.spoil ?? 'status'}`, this.faults.afterCommit, isCreate],
      ['rate-limit', this.faults.rateLimit, isCreate],
      ['fail', this.faults.fail, isCreate],
    ];
    for (const [name, setting, applies] of counted) {
      if (applies && setting !== undefined && setting.count > 0) {
        setting.count -= 1;
        return name;
      }
    }
    return undefined;
  }

  private action(name: FaultName): FaultAction {
    const { fail, rateLimit, afterCommit, random } = this.faults;
    const status = afterCommit?.status ?? DEFAULT_SPOIL_STATUS;
    const delayMs = afterCommit?.delayMs ?? random?.delayMs ?? DEFAULT_DELAY_MS;
    switch (name) {
      case 'reset-before-read':
      case 'reset':
      case 'hang':
        return { kind: name };
      case 'commit-then-status':
        return { kind: 'after-commit', spoil: 'status', status, delayMs };
      case 'commit-then-reset':
        return { kind: 'after-commit', spoil: 'reset', status, delayMs };
      case 'commit-then-truncate':
        return { kind: 'after-commit', spoil: 'truncate', status, delayMs };
      case 'commit-then-delay':
        return { kind: 'after-commit', spoil: 'delay', status, delayMs };
      case 'rate-limit': {
        const seconds = rateLimit?.retryAfterSeconds ?? random?.retryAfterSeconds ?? 1;
        return {
          kind: 'answer',
          status: 429,
          body: { id: 'too_many_requests', status: 429, title: 'Too Many Requests', detail: 'rate limit exceeded (injected)' },
          headers: { 'retry-after': String(seconds) },
        };
      }
      case 'fail': {
        const failStatus = fail?.status ?? 503;
        return {
          kind: 'answer',
          status: failStatus,
          body: fail?.body ?? { id: 'injected_failure', status: failStatus, title: 'Injected failure', detail: 'failure injected by the test' },
          headers: {},
        };
      }
    }
  }
}

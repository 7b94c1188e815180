import type { SimulatorContent } from './xsoar-content.js';

/**
 * The public shape of the XSOAR simulator: what tests and `alertsmith xsoar-sim` start and
 * inspect. The simulator follows ../../../shared/reference/xsoar.md (create, search, about on
 * both path families, the three key schemes, XSOAR's error bodies).
 */

export interface SimulatorOptions {
  /**
   * TCP port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Address to listen on. Keep it on loopback: the simulator has no real security.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * The one API key the simulator accepts, for standard and advanced schemes alike.
   * @default 'sim-api-key'
   */
  apiKey?: string;
  /**
   * The key id expected in `x-xdr-auth-id` (XSOAR 8 standard keys and advanced keys).
   * @default '1'
   */
  apiKeyId?: string;
  /**
   * JSONL file: each created incident is appended as one `StoredIncident` line. Incidents
   * already in the file are loaded at start, so a restarted simulator still finds them
   * (like a real server would), and new ids continue after the highest stored one.
   * @default undefined (memory only)
   */
  store?: string;
  /**
   * PEM key and certificate: serve HTTPS instead of HTTP.
   * @default undefined (plain HTTP)
   */
  tls?: { key: string; cert: string };
  /**
   * The incident types and custom incident fields the server has, as `GET /incidenttype` and
   * `GET /incidentfields` answer them.
   * @default none: no incident types, no custom fields
   */
  content?: SimulatorContent;
  /**
   * What a create does with a custom field the server has no incident field for: `'drop'` it
   * (the incident is created without it: what XSOAR is reported to do, not confirmed by its
   * documentation, see docs/xsoar-content.md) or `'keep'` it as sent.
   * @default 'drop' when `content` is given, else 'keep' (a simulator without content accepts every field)
   */
  unknownCustomFields?: 'drop' | 'keep';
}

/**
 * Faults for tests, standing in for a slow server, proxies and load balancers. `inject` merges:
 * each kind given replaces that kind's earlier setting; `clearFaults` removes all of them.
 */
export interface SimulatorFault {
  /** Delay every answer by this many milliseconds. */
  latencyMs?: number;
  /** The next `count` create calls answer `status` with `body` (default: an XSOAR-style error body). */
  fail?: { count: number; status: number; body?: unknown };
  /** The next `count` create calls answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit?: { count: number; retryAfterSeconds: number };
  /** The next `count` requests (any endpoint): destroy the socket without an answer. */
  reset?: { count: number };
  /** The next `count` requests (any endpoint): never answer (until `stop`). */
  hang?: { count: number };
  /** The next `count` requests (any endpoint): destroy the socket before the request body is read. */
  resetBeforeRead?: { count: number };
  /**
   * The next `count` create calls: the incident IS created, then its reply is spoiled, as by a
   * proxy or load balancer after XSOAR acted: `status` answered instead (default 504), the socket
   * reset, the reply cut off halfway, or the reply held `delayMs` (default 30 s) before it is sent.
   */
  afterCommit?: { count: number; spoil: CommitSpoil; status?: number; delayMs?: number };
  /**
   * Each request draws a fault from a generator seeded with `seed` (the same seed and request
   * order give the same faults): with `probability`, one of the faults above chosen evenly
   * (a 503 or 429 before anything is created, a reset before or after the body is read, a hang,
   * or a commit then 504, reset, truncated or delayed reply). Requests other than creates
   * create nothing: their "commit" faults only spoil the reply.
   */
  random?: { seed: number; probability: number; retryAfterSeconds?: number; delayMs?: number };
}

/** How the reply of a create that did happen is spoiled (see `SimulatorFault.afterCommit`). */
export type CommitSpoil = 'status' | 'reset' | 'truncate' | 'delay';

/** The names under which injected faults are counted (`XsoarSimulator.faultCounts`). */
export type FaultName =
  | 'fail' | 'rate-limit' | 'reset' | 'hang' | 'reset-before-read'
  | 'commit-then-status' | 'commit-then-reset' | 'commit-then-truncate' | 'commit-then-delay';

export interface StoredIncident {
  /** Server-assigned id, a decimal string as XSOAR's. */
  id: string;
  /** The create request body exactly as received (parsed JSON). */
  body: Record<string, unknown>;
  /** Which path family created it. */
  flavour: 'xsoar6' | 'xsoar8';
  /** Which key scheme authenticated the call. */
  auth: 'standard' | 'advanced';
  /** Custom fields of the request that the server has no incident field for, left out of `body` (`unknownCustomFields: 'drop'`). */
  droppedCustomFields?: string[];
}

export interface RecordedRequest {
  method: string;
  /** Path and query string as sent. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw request body (UTF-8). */
  body: string;
  /** Status answered; 0 for a request that was reset or hung. */
  status: number;
}

export interface XsoarSimulator {
  /** `http://127.0.0.1:PORT` (`https` with `tls`); XSOAR 8 paths live under `url + '/xsoar/public/v1'`. */
  url: string;
  /** Every incident created so far (including those loaded from `store`), oldest first. */
  incidents(): StoredIncident[];
  /** Every request received so far, oldest first. */
  requests(): RecordedRequest[];
  inject(fault: SimulatorFault): void;
  clearFaults(): void;
  /** How many requests each fault kind has spoiled so far. */
  faultCounts(): Partial<Record<FaultName, number>>;
  /** Closes the server and every socket, including hung ones. */
  stop(): Promise<void>;
}

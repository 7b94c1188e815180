/**
 * The exit codes of `alertsmith-incident`, documented in docs/runtime.md. ElastAlert with
 * `fail_on_non_zero_exit: true` records any non-zero code as a failed alert and retries it
 * later with the same matches; the ledger makes that retry safe.
 */
export const RUNTIME_EXIT = {
  /** Every incident was created (or already had been), or nothing was to be done. */
  delivered: 0,
  /** Usage or configuration error: bad flags, unreadable or unsafe config, no URL or key, a state folder it cannot use. */
  usage: 2,
  /** Some incidents are pending in the spool or a kept intake (server down, deadline reached, key refused, watchdog). */
  pending: 3,
  /** Some incidents were rejected by XSOAR as invalid and kept under rejected/; none pending. */
  rejected: 4,
  /** The input on stdin is unusable (empty, not JSON, wrong shape, too large); saved under rejected/. */
  badInput: 5,
  /** `test-connection` found a problem. */
  connectionFailed: 6,
  /** A bug in alertsmith-incident. */
  internal: 70,
} as const;

export type RuntimeExitCode = (typeof RUNTIME_EXIT)[keyof typeof RUNTIME_EXIT];

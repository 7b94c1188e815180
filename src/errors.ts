/**
 * Errors a user can act on. Each has a stable code and the exit code the CLI ends with; the CLI
 * prints known errors as one line without a stack, and anything else as a bug with its stack.
 */
export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** The work ran and found problems: invalid definitions, stale generated files, findings, failed tests. */
  failed: 1,
  /** Usage or configuration error: bad flags, unreadable or invalid config, missing folder. */
  usage: 2,
  /** A bug in alertsmith itself. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A known failure of `alertsmith` or `alertsmith-incident` (each documents its own exit codes). */
export class AlertsmithError extends Error {
  override readonly name = 'AlertsmithError';
  constructor(
    /** Stable code, e.g. `ALERTSMITH_CONFIG_INVALID`. */
    readonly code: string,
    message: string,
    /** The exit code it ends the program with. @default 2 (usage or configuration) */
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** A message for anything thrown: its message, or its text for non-errors. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  try {
    return String(thrown);
  } catch {
    return 'an unprintable value was thrown';
  }
}

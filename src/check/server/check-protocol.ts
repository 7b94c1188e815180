/**
 * What `alertsmith check` and the project's check server say to each other: one JSON line each
 * way over the server's socket, then the connection closes.
 */
export type ServerRequest =
  | {
      kind: 'check';
      /** The client's `serverStamp()`: a server of another build refuses. */
      stamp: string;
      cwd: string;
      paths: string[];
      format: string;
      config?: string;
      color: boolean;
      /** The client's environment: the check runs in it, as it would in the client's process. */
      env: Record<string, string>;
    }
  | { kind: 'stop' }
  /** How the server is: for tests and for a user wondering what the process is. */
  | { kind: 'status' };

export type ServerReply =
  | { kind: 'checked'; exitCode: number; output: string }
  /** A known error (AlertsmithError): the client throws it as its own. */
  | { kind: 'error'; code: string; message: string; exitCode: number }
  /** The server is of another alertsmith build or Node, or could not run the check: the client runs it itself. */
  | { kind: 'refused'; why: string }
  | { kind: 'stopping' }
  | { kind: 'status'; pid: number; stamp: string; checks: number };

/** Reads one reply line, or undefined for anything else. */
export function parseReply(line: string): ServerReply | undefined {
  try {
    const value = JSON.parse(line) as ServerReply;
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

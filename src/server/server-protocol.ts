/**
 * What `alertsmith check` and `alertsmith build` say to the project's server: one JSON line each
 * way over the server's socket, then the connection closes.
 */

/** A command the server runs as the client would in its own process. */
export type CommandRequest = {
  /** The client's `serverStamp()`: a server of another alertsmith build or Node refuses. */
  stamp: string;
  cwd: string;
  /** The client's environment: the command runs in it (a config file may read it). */
  env: Record<string, string>;
} & (
  | { kind: 'check'; paths: string[]; format: string; config?: string; color: boolean }
  | { kind: 'build'; check: boolean; config?: string; out?: string; strict: boolean }
);

/** The command whose run started a server, without what every request carries (see `startServer`). */
export type FirstCommand = CommandRequest extends infer R ? (R extends CommandRequest ? Omit<R, 'stamp' | 'cwd' | 'env'> : never) : never;

/** The environment variable that hands a new server its `FirstCommand` (JSON). */
export const FIRST_COMMAND_ENV = 'ALERTSMITH_SERVER_FIRST_COMMAND';

export type ServerRequest =
  | CommandRequest
  | { kind: 'stop' }
  /** How the server is: for tests, and for a user wondering what the process is. */
  | { kind: 'status' };

/** A piece of the command's output, in the order it was written. */
export interface OutputChunk {
  to: 'stdout' | 'stderr';
  text: string;
}

export type ServerReply =
  | { kind: 'done'; exitCode: number; output: OutputChunk[] }
  /** A known error (AlertsmithError), after the output written before it: the client throws it as its own. */
  | { kind: 'error'; code: string; message: string; exitCode: number; output: OutputChunk[] }
  /** The server could not run the command (a bug, a request it does not know): the client runs it itself. */
  | { kind: 'refused'; why: string }
  /** The server is of another alertsmith build or Node, or was asked to stop. */
  | { kind: 'stopping' }
  | { kind: 'status'; pid: number; stamp: string; commands: number };

/** Reads one reply line, or undefined for anything else. */
export function parseReply(line: string): ServerReply | undefined {
  try {
    const value = JSON.parse(line) as ServerReply;
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

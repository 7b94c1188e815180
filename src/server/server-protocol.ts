/**
 * What `alertsmith check` and `alertsmith build` say to the project's server over its socket:
 * one JSON line, the request; the server answers with the command's output, a line per piece as
 * it is written, then one line, the reply, and closes the connection.
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
  /** `stderrIsTTY`: the client's stderr is a terminal, so a long build draws its progress line there. */
  | { kind: 'build'; check: boolean; config?: string; out?: string; strict: boolean; stderrIsTTY?: boolean }
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
  | { kind: 'done'; exitCode: number }
  /** A known error (AlertsmithError): the client throws it as its own. */
  | { kind: 'error'; code: string; message: string; exitCode: number }
  /** The server could not run the command (a bug, a request it does not know): the client runs it itself. */
  | { kind: 'refused'; why: string }
  /** The server is of another alertsmith build or Node, or was asked to stop. */
  | { kind: 'stopping' }
  | { kind: 'status'; pid: number; stamp: string; commands: number };

/** A line the server sends: a piece of output, or the reply that ends the answer. */
export type ServerLine = { kind: 'output'; chunk: OutputChunk } | ServerReply;

/** Reads one line from the server, or undefined for anything else. */
export function parseLine(line: string): ServerLine | undefined {
  try {
    const value = JSON.parse(line) as ServerLine;
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

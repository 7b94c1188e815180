/**
 * `alertsmith build | head -1`: the reader of stdout (or stderr) may go away before the command
 * ends. Node then emits EPIPE as an unhandled 'error' event, which would print a stack trace and
 * abort the command half-way (a build stopped between its writes). Instead, output to a closed
 * reader is dropped and the command finishes its work and exits with its own code, as Unix tools
 * that ignore SIGPIPE do.
 */
export function dropOutputToClosedReaders(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      // Later writes would fail the same way: swallow them.
      stream.write = (() => true) as typeof stream.write;
    });
  }
}

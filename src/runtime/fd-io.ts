import { fs } from './builtins.js';

/**
 * Plain, synchronous reads and writes on the process's file descriptors. `process.stdin`,
 * `process.stdout` and `process.stderr` build stream objects (and load Node's stream, net and
 * readline code) on first use, a large share of a dry run's start-up; the runtime needs none
 * of what streams add. A descriptor a parent left non-blocking answers EAGAIN: wait a little
 * and go on.
 */
export interface TextSink {
  write(text: string): void;
}

/** The reader of an output went away (EPIPE: `alertsmith-incident --dry-run | head`). */
export class OutputClosed extends Error {
  constructor(readonly fd: number) {
    super(`output ${fd} was closed by its reader`);
  }
}

/**
 * A sink on a descriptor. When its reader has gone, writes throw `OutputClosed` (stdout: the run
 * stops, see cli.ts) or, with `ignoreClosed` (stderr: nowhere left to report it), are dropped.
 */
export function fdSink(fd: number, ignoreClosed = false): TextSink {
  let closed = false;
  return {
    write: (text) => {
      if (closed) {
        if (ignoreClosed) return;
        throw new OutputClosed(fd);
      }
      try {
        writeAll(fd, Buffer.from(text, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        closed = true;
        if (!ignoreClosed) throw new OutputClosed(fd);
      }
    },
  };
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += fs.writeSync(fd, data, offset, data.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pause();
    }
  }
}

/** Reads the next chunk, or answers `undefined` at end of input. */
export function readChunk(fd: number, size = 1024 * 1024): Buffer | undefined {
  const buffer = Buffer.allocUnsafe(size);
  for (;;) {
    try {
      const n = fs.readSync(fd, buffer, 0, size, null);
      return n === 0 ? undefined : n === size ? buffer : Buffer.from(buffer.subarray(0, n));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return undefined;
      if (code !== 'EAGAIN') throw error;
      pause();
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(): void {
  Atomics.wait(sleeper, 0, 0, 2);
}

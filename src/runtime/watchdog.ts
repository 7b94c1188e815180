import type { Worker } from 'node:worker_threads';

/**
 * Ends the process at its deadline whatever the main thread is doing. ElastAlert's command
 * alerter has no timeout, so a platform call that never returns (Node's recursive mkdir spins
 * forever under /proc; a hung network mount blocks a write) would freeze ElastAlert itself.
 *
 * It is a worker thread, so a main thread busy in a loop or blocked in a system call cannot
 * starve it. At the deadline (plus FIRE_GRACE_MS, for a run just finishing) it writes its log
 * lines and asks the main thread to exit (a shared cell the main thread waits on without
 * blocking); a main thread that cannot answer within HARD_EXIT_MS is ended from the worker:
 * `process.exit` there would end the worker only, but WASI's `proc_exit` calls the C library's
 * `exit` with the code. Either way the process ends with exit 2 (the state folder never
 * answered; the input goes to stderr, since that folder is the one thing not to touch) or 3
 * (the input is safe in the intake; `replay` delivers it).
 */
export interface Watchdog {
  /** Where the run is: what the watchdog can keep, and which exit code it ends with. */
  phase(phase: WatchdogPhase): void;
  /** The input as read, until it is durable: what the watchdog prints if it has to act before that. */
  holdInput(chunks: Uint8Array[]): void;
}

export const WATCHDOG_PHASE = {
  /** The state folder is being prepared; stdin is untouched (the watchdog reads it itself). */
  stateDir: 0,
  /** The main thread is reading stdin: the watchdog cannot read it too. */
  readingStdin: 1,
  /** The input was handed over (`holdInput`) and is being made durable. */
  holding: 2,
  /** Nothing can be lost any more: the input is durable, or there is none. */
  safe: 3,
  /** The run is ending by itself. */
  done: 4,
} as const;
export type WatchdogPhase = (typeof WATCHDOG_PHASE)[keyof typeof WATCHDOG_PHASE];

/** What the watchdog writes, composed by the main thread (the worker has no imports). */
export interface WatchdogData {
  fireAt: number;
  /** The log line (JSON, without its time) for a run stuck before its input was safe (exit 2). */
  stuckLine: string;
  /** The log line for a run stuck once its input was safe (exit 3). */
  lateLine: string;
  /** The log line that carries the input: its `"%INPUT%"` is replaced by the input as a JSON string. */
  inputLine: string;
  /** At most this many bytes of stdin are printed; 0 when the command reads no stdin. */
  maxInputBytes: number;
  /** [phase, exit code asked of the main thread (0: none yet)]. */
  shared: Int32Array;
}

/** After the deadline, a run still finishing (its last syncs) gets this long before the watchdog acts. */
export const FIRE_GRACE_MS = 250;
/** How long the main thread has to exit by itself once asked, before the worker ends the process. */
export const HARD_EXIT_MS = 500;

/** Where the exit code is written in PROC_EXIT_WASM: the operand of its `i32.const`. */
const EXIT_CODE_OFFSET = 92;
/**
 * A minimal WebAssembly module: imports WASI's `proc_exit` and exports `_start`, which calls it
 * with the byte at EXIT_CODE_OFFSET (and `memory`, which WASI requires).
 */
const PROC_EXIT_WASM = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 2, 96, 1, 127, 0, 96, 0, 0, 2, 36, 1, 22, 119, 97, 115, 105, 95, 115, 110, 97, 112, 115, 104,
  111, 116, 95, 112, 114, 101, 118, 105, 101, 119, 49, 9, 112, 114, 111, 99, 95, 101, 120, 105, 116, 0, 0, 3, 2, 1, 1, 5, 3, 1, 0,
  1, 7, 19, 2, 6, 109, 101, 109, 111, 114, 121, 2, 0, 6, 95, 115, 116, 97, 114, 116, 0, 1, 10, 8, 1, 6, 0, 65, 0, 16, 0, 11,
];

/** The worker's program. Self-contained (it runs from its text, as CommonJS): no imports, no outer names. */
function watchdogProgram(data: WatchdogData, procExit: number[], exitCodeOffset: number, hardExitMs: number): void {
  const fs = require('node:fs') as typeof import('node:fs');
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  // WASI prints an experimental-feature warning; this worker's stderr lines must stay JSON.
  process.removeAllListeners('warning');
  process.on('warning', () => undefined);
  let held: Uint8Array[] = [];
  parentPort!.on('message', (chunks: Uint8Array[]) => (held = chunks));
  const write = (line: string): void => {
    const bytes = Buffer.from(`${JSON.stringify({ time: new Date().toISOString(), ...(JSON.parse(line) as object) })}\n`);
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += fs.writeSync(2, bytes, offset, bytes.length - offset);
      } catch {
        return;
      }
    }
  };
  const readStdin = (): Uint8Array[] => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total < data.maxInputBytes) {
      const buffer = Buffer.allocUnsafe(1024 * 1024);
      let n = 0;
      try {
        n = fs.readSync(0, buffer, 0, buffer.length, null);
      } catch {
        return chunks;
      }
      if (n === 0) return chunks;
      chunks.push(buffer.subarray(0, n));
      total += n;
    }
    return chunks;
  };
  const exit = (code: number): void => {
    try {
      const { WASI } = require('node:wasi') as typeof import('node:wasi');
      const bytes = Uint8Array.from(procExit);
      bytes[exitCodeOffset] = code;
      const wasi = new WASI({ version: 'preview1', returnOnExit: false } as ConstructorParameters<typeof WASI>[0]);
      const wasm = (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => object; Instance: new (m: object, i: object) => object } }).WebAssembly;
      wasi.start(new wasm.Instance(new wasm.Module(bytes), wasi.getImportObject()) as Parameters<typeof wasi.start>[0]);
    } finally {
      // Only if WASI could not end it: the exit code is lost, the process is not.
      process.kill(process.pid, 'SIGKILL');
    }
  };
  const stop = (code: number): void => {
    // A main thread that is alive exits by itself (see startWatchdog); one that is stuck cannot.
    Atomics.store(data.shared, 1, code);
    Atomics.notify(data.shared, 1);
    setTimeout(() => exit(code), hardExitMs);
  };
  setTimeout(() => {
    const phase = Atomics.load(data.shared, 0);
    if (phase === 4) return;
    if (phase === 3) {
      write(data.lateLine);
      stop(3);
      return;
    }
    const input = phase === 0 ? readStdin() : held;
    write(data.stuckLine);
    if (input.length > 0) {
      const text = Buffer.concat(input).subarray(0, data.maxInputBytes).toString('utf8');
      write(data.inputLine.replace('"%INPUT%"', () => JSON.stringify(text)));
    }
    stop(2);
  }, Math.max(0, data.fireAt - Date.now()));
}

/** Starts the watchdog; `process.exit` ends it with the process. */
export async function startWatchdog(data: Omit<WatchdogData, 'shared'>): Promise<Watchdog> {
  const { Worker: WorkerClass } = (await import('node:worker_threads')) as { Worker: typeof Worker };
  const shared = new Int32Array(new SharedArrayBuffer(8));
  // Wakes when the watchdog asks for an exit; pending, it does not keep the process alive.
  const asked = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { value: Promise<unknown> | string } }).waitAsync(shared, 1, 0);
  if (typeof asked.value !== 'string') void asked.value.then(() => process.exit(Atomics.load(shared, 1)));
  // The bundler may rename `require` inside the function's text to its own helper.
  const source = `const __require = require; const { workerData } = require('node:worker_threads');
(${watchdogProgram.toString()})(workerData.data, workerData.wasm, ${EXIT_CODE_OFFSET}, ${HARD_EXIT_MS});`;
  // Its stdout and stderr are streams nobody reads (it writes to fd 2 itself): left to their
  // default, they would be piped into this thread's process.stdout and stderr, whose creation
  // loads Node's stream and socket modules here, on every run's critical path.
  const worker = new WorkerClass(source, { eval: true, workerData: { data: { ...data, shared }, wasm: PROC_EXIT_WASM }, stdout: true, stderr: true });
  worker.unref();
  // A watchdog that cannot start must not take the run down with it.
  worker.on('error', () => undefined);
  return {
    phase: (next) => Atomics.store(shared, 0, next),
    holdInput: (chunks) => worker.postMessage(chunks),
  };
}

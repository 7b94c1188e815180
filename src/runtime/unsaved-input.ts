import type { Log } from './log.js';

/**
 * The last resort for an input that no state folder could keep: it is printed on stderr, one log
 * line, so that ElastAlert's own log holds it (ElastAlert also retries the failed alert).
 */
export const UNSAVED_INPUT_EVENT = 'unsaved-input';
export const UNSAVED_INPUT_NOTE = 'the state folder cannot keep this input: it is printed here so that it is not lost';

/** Prints the input (at most `maxBytes` of it, as text) as one `unsaved-input` log line. */
export function printUnsavedInput(log: Log, chunks: Uint8Array[], maxBytes: number): void {
  if (chunks.length === 0) return;
  const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  log.write('error', UNSAVED_INPUT_EVENT, { note: UNSAVED_INPUT_NOTE, stdin: text });
}

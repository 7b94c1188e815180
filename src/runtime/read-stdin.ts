import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type StdinResult =
  | { ok: true; data: Buffer }
  /** Larger than the limit: the whole input went to `overflowFile` (when given), never into memory. */
  | { ok: false; bytes: number; savedTo?: string };

/**
 * Reads all of stdin up to `maxBytes`. Past the limit the input is streamed to a file (or
 * drained, in `--dry-run`) so that ElastAlert's write never blocks and nothing is held in memory.
 */
export async function readStdin(stream: Readable, maxBytes: number, overflowFile?: () => Promise<string>): Promise<StdinResult> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done === true) break;
    const chunk = next.value as Buffer;
    bytes += chunk.length;
    chunks.push(chunk);
    if (bytes > maxBytes) {
      if (overflowFile === undefined) {
        for (;;) {
          const more = await iterator.next();
          if (more.done === true) break;
          bytes += (more.value as Buffer).length;
        }
        return { ok: false, bytes };
      }
      const path = await overflowFile();
      const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      for (const c of chunks) if (!out.write(c)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunks.length = 0;
      for (;;) {
        const more = await iterator.next();
        if (more.done === true) break;
        bytes += (more.value as Buffer).length;
        if (!out.write(more.value as Buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      return { ok: false, bytes, savedTo: path };
    }
  }
  return { ok: true, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes) };
}

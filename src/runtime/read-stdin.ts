import { StringDecoder } from 'node:string_decoder';
import { fs, nodeBuffer } from './builtins.js';
import { readChunk } from './fd-io.js';

export type StdinResult =
  /** The input as read, in chunks: never copied into one buffer, to keep peak memory down. */
  | { ok: true; chunks: Buffer[]; bytes: number }
  /** Larger than the limit: the whole input went to `overflowFile` (when given), never into memory. */
  | { ok: false; bytes: number; savedTo?: string };

/**
 * Reads all of stdin (a file descriptor) up to `maxBytes`. Past the limit the input goes to a
 * file (or is drained, in `--dry-run`) so that ElastAlert's write never blocks and nothing more
 * is held in memory.
 */
export function readStdin(fd: number, maxBytes: number, overflowFile?: () => string): StdinResult {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for (let chunk = readChunk(fd); chunk !== undefined; chunk = readChunk(fd)) {
    bytes += chunk.length;
    chunks.push(chunk);
    if (bytes > maxBytes) {
      const path = overflowFile?.();
      const out = path === undefined ? undefined : fs.openSync(path, 'wx', 0o600);
      try {
        for (const c of chunks) if (out !== undefined) fs.writeSync(out, c);
        chunks.length = 0;
        for (let more = readChunk(fd); more !== undefined; more = readChunk(fd)) {
          bytes += more.length;
          if (out !== undefined) fs.writeSync(out, more);
        }
      } finally {
        if (out !== undefined) fs.closeSync(out);
      }
      return path === undefined ? { ok: false, bytes } : { ok: false, bytes, savedTo: path };
    }
  }
  return { ok: true, chunks, bytes };
}

/** True when the chunks hold only whitespace (or nothing). */
export function isBlank(chunks: Buffer[]): boolean {
  for (const chunk of chunks) {
    for (const b of chunk) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

/** UTF-8 validity of the concatenated chunks, checked chunk by chunk with the split sequence carried over. */
export function isUtf8Chunks(chunks: Buffer[]): boolean {
  let carry: Buffer = Buffer.alloc(0);
  for (const chunk of chunks) {
    const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = incompleteTail(joined);
    if (!nodeBuffer.isUtf8(joined.subarray(0, joined.length - cut))) return false;
    carry = Buffer.from(joined.subarray(joined.length - cut));
  }
  return carry.length === 0;
}

/** How many trailing bytes start a multi-byte sequence the buffer does not finish. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Decodes valid UTF-8 chunks into one string, letting go of each chunk once decoded. */
export function decodeChunks(chunks: Buffer[]): string {
  // Not TextDecoder: measured, its streaming output raised the peak for a 100 MB stdin by ~200 MB.
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    parts.push(decoder.write(chunks[i]!));
    chunks[i] = EMPTY;
  }
  parts.push(decoder.end());
  return parts.join('');
}

const EMPTY = Buffer.alloc(0);

/**
 * Reads one scalar at a fixed path (`['id']`, `['data', 0, 'id']`) from a JSON reply fed in byte
 * chunks, holding nothing else. XSOAR answers a create (and a search) with the whole incident,
 * rawJSON included: for a 10 MB match, keeping and parsing that reply would cost three more
 * copies of it just to learn the incident id.
 *
 * It reads well-formed JSON; on anything else `value()` may answer undefined, never throws.
 * Only bytes are compared (JSON's structural characters are ASCII, so UTF-8 needs no decoding).
 */
export class JsonFieldScanner {
  /** One entry per open container: the key or index the scanner is inside of. */
  private readonly frames: { array: boolean; at: string | number | undefined; expectKey: boolean }[] = [];
  private inString = false;
  private escaped = false;
  /** Bytes of the key string being read (undefined when it cannot matter). */
  private key: number[] | undefined;
  private readingKey = false;
  /** Bytes of the wanted value while it is read. */
  private capture: number[] | undefined;
  private found: unknown;
  private done = false;

  constructor(
    private readonly path: readonly (string | number)[],
    private readonly maxValueBytes = 1024,
  ) {}

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && !this.done) {
      // A string nobody needs (rawJSON's megabytes) is skipped natively, to its closing quote.
      if (this.inString && this.capture === undefined && this.key === undefined) i = this.skipString(chunk, i);
      else this.step(chunk[i++]!);
    }
  }

  /** The value found at the path (string, number, boolean or null), or undefined. */
  value(): unknown {
    if (this.capture !== undefined && !this.inString) this.finishCapture(); // a number at the very end
    return this.found;
  }

  private step(b: number): void {
    if (this.inString) {
      this.record(b);
      if (this.escaped) this.escaped = false;
      else if (b === BACKSLASH) this.escaped = true;
      else if (b === QUOTE) {
        this.inString = false;
        if (this.readingKey) this.endKey();
        else if (this.capture !== undefined) this.finishCapture();
      }
      return;
    }
    const frame = this.frames.at(-1);
    if (this.capture !== undefined && (b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isSpace(b))) this.finishCapture();
    if (this.done || isSpace(b)) return;
    switch (b) {
      case QUOTE:
        this.inString = true;
        if (frame !== undefined && !frame.array && frame.expectKey) {
          this.readingKey = true;
          this.key = this.frames.length <= this.path.length ? [] : undefined;
          return;
        }
        this.startValue(b);
        return;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        this.frames.push({ array: b === OPEN_ARRAY, at: b === OPEN_ARRAY ? 0 : undefined, expectKey: b === OPEN_OBJECT });
        return;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        this.frames.pop();
        return;
      case COMMA:
        if (frame?.array) frame.at = (frame.at as number) + 1;
        else if (frame !== undefined) frame.expectKey = true;
        return;
      case COLON:
        if (frame !== undefined) frame.expectKey = false;
        return;
      default:
        if (this.capture !== undefined) this.record(b);
        else this.startValue(b);
    }
  }

  /** Skips string content from `i`; answers where to go on (past the closing quote, or the chunk's end). */
  private skipString(chunk: Uint8Array, from: number): number {
    for (let i = from; ; ) {
      const quote = chunk.indexOf(QUOTE, i);
      const end = quote < 0 ? chunk.length : quote;
      // A quote is escaped when an odd run of backslashes stands before it (one may end the previous chunk).
      let run = 0;
      while (end - run - 1 >= i && chunk[end - run - 1] === BACKSLASH) run++;
      const odd = (run + (end - run === i && this.escaped ? 1 : 0)) % 2 === 1;
      if (quote < 0) {
        this.escaped = odd;
        return chunk.length;
      }
      this.escaped = false;
      if (!odd) {
        this.inString = false;
        if (this.readingKey) this.endKey();
        return quote + 1;
      }
      i = quote + 1;
    }
  }

  private startValue(first: number): void {
    if (this.frames.length !== this.path.length || !this.frames.every((f, i) => f.at === this.path[i])) return;
    this.capture = [first];
  }

  private record(b: number): void {
    if (this.readingKey) {
      if (this.key !== undefined) {
        this.key.push(b);
        if (this.key.length > 256) this.key = undefined; // longer than any key the scanner looks for
      }
    } else if (this.capture !== undefined) {
      this.capture.push(b);
      if (this.capture.length > this.maxValueBytes) {
        this.capture = undefined;
        this.done = true;
      }
    }
  }

  private endKey(): void {
    this.readingKey = false;
    const frame = this.frames.at(-1)!;
    let key: string | undefined;
    try {
      if (this.key !== undefined) key = JSON.parse(`"${Buffer.from(this.key.slice(0, -1)).toString('utf8')}"`) as string;
    } catch {
      key = undefined;
    }
    frame.at = key;
    this.key = undefined;
  }

  private finishCapture(): void {
    try {
      this.found = JSON.parse(Buffer.from(this.capture!).toString('utf8'));
    } catch {
      this.found = undefined;
    }
    this.capture = undefined;
    this.done = true;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

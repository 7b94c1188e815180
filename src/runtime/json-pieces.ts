/**
 * JSON text of a value in pieces of about `pieceChars` characters, joining to exactly what
 * `JSON.stringify(value)` gives for plain JSON data. A request body is sent piece by piece, so a
 * 10 MB match never exists as one 20 MB JSON string plus its 20 MB encoded copy.
 */
export const JSON_PIECE_CHARS = 256 * 1024;

export function* jsonPieces(value: unknown, pieceChars = JSON_PIECE_CHARS): Generator<string> {
  let pending = '';
  for (const part of parts(value, pieceChars)) {
    pending += part;
    if (pending.length >= pieceChars) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

function* parts(value: unknown, size: number): Generator<string> {
  if (typeof value === 'string' && value.length > size) {
    yield '"';
    for (let start = 0; start < value.length; ) {
      const end = sliceEnd(value, start, size);
      // Escaping is per character, so escaped slices join to the escaped whole.
      yield JSON.stringify(value.slice(start, end)).slice(1, -1);
      start = end;
    }
    yield '"';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes null for array holes and values JSON cannot hold.
      yield* isOmitted(value[i]) ? ['null'] : parts(value[i], size);
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    yield '{';
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (isOmitted(v)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* parts(v, size);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Where a slice from `start` ends: about `size` characters on, never between the halves of a surrogate pair. */
function sliceEnd(text: string, start: number, size: number): number {
  const end = Math.min(start + size, text.length);
  if (end >= text.length || !isHighSurrogate(text.charCodeAt(end - 1)) || !isLowSurrogate(text.charCodeAt(end))) return end;
  return end - 1 > start ? end - 1 : end + 1;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

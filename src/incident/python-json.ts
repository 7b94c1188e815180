/**
 * Reads JSON as Python's `json.dumps` writes it: ElastAlert's `pipe_match_json` may contain the
 * non-standard tokens `NaN`, `Infinity` and `-Infinity` where a value is not finite, which plain
 * `JSON.parse` rejects. They come back as the JavaScript numbers `NaN`, `Infinity`, `-Infinity`.
 *
 * The common case (no such token) costs one native `JSON.parse`; only input that fails it is
 * scanned, and only tokens OUTSIDE strings are rewritten, so a string holding "NaN" stays text.
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    const rewritten = rewriteNonFiniteTokens(text);
    if (rewritten === undefined) throw first;
    return JSON.parse(rewritten.text, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(rewritten.marker) ? nonFinite(value.slice(rewritten.marker.length)) : value,
    );
  }
}

const TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;

function nonFinite(token: string): unknown {
  if (token === 'NaN') return Number.NaN;
  if (token === 'Infinity') return Number.POSITIVE_INFINITY;
  if (token === '-Infinity') return Number.NEGATIVE_INFINITY;
  return token;
}

/**
 * Replaces each token outside strings with a marker string the reviver turns back into a number.
 * The marker starts with U+0000 and grows until the input cannot contain it, so no real string is
 * ever mistaken for one. Answers undefined when there is no token to rewrite.
 */
function rewriteNonFiniteTokens(text: string): { text: string; marker: string } | undefined {
  let marker = '\u0000alertsmith-non-finite:';
  while (text.includes(JSON.stringify(marker).slice(1, -1))) marker = `\u0000${marker}`;
  const escapedMarker = JSON.stringify(marker).slice(1, -1);
  const parts: string[] = [];
  let copiedUpTo = 0;
  let found = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x4e /* N */ || c === 0x49 /* I */ || c === 0x2d /* - */) {
      const token = TOKENS.find((t) => text.startsWith(t, i));
      if (token !== undefined) {
        parts.push(text.slice(copiedUpTo, i), `"${escapedMarker}${token}"`);
        i += token.length;
        copiedUpTo = i;
        found = true;
        continue;
      }
    }
    i++;
  }
  if (!found) return undefined;
  parts.push(text.slice(copiedUpTo));
  return { text: parts.join(''), marker };
}

/** The index just past the string literal that opens at `start`. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

/**
 * Maps offsets in a string's value to offsets in its source text. A Lucene error at character
 * 12 of a query is not at column 12 of the literal when the literal holds escapes (`\"`, `\\`,
 * `\u00e9`) or line continuations: this walks the literal as the scanner does.
 *
 * `raw` is the literal's source text with its quotes (`'...'`, `"..."` or a backquoted template
 * without substitutions). The result has one entry per UTF-16 unit of the value plus one for
 * its end: `result[i]` is the offset in `raw` where value character `i` is written.
 */
export function valueToSourceOffsets(raw: string): number[] {
  const offsets: number[] = [];
  const isTemplate = raw.startsWith('`');
  const end = raw.length - 1; // the closing quote
  let i = 1;
  while (i < end) {
    const c = raw[i]!;
    if (c === '\r' && isTemplate && raw[i + 1] === '\n') {
      // A template cooks CR LF to one LF.
      offsets.push(i);
      i += 2;
      continue;
    }
    if (c !== '\\') {
      offsets.push(i);
      i += 1;
      continue;
    }
    const next = raw[i + 1] ?? '';
    if (next === '\r') {
      i += raw[i + 2] === '\n' ? 3 : 2; // line continuation: no character in the value
    } else if (next === '\n' || next === '\u2028' || next === '\u2029') {
      i += 2;
    } else if (next === 'x') {
      offsets.push(i);
      i += 4;
    } else if (next === 'u' && raw[i + 2] === '{') {
      const close = raw.indexOf('}', i + 3);
      const codePoint = Number.parseInt(raw.slice(i + 3, close), 16);
      offsets.push(i);
      if (codePoint > 0xffff) offsets.push(i); // two UTF-16 units, one escape
      i = close + 1;
    } else if (next === 'u') {
      offsets.push(i);
      i += 6;
    } else {
      offsets.push(i);
      i += 2;
    }
  }
  offsets.push(end);
  return offsets;
}

/** How many source characters the value character written at `offset` of `raw` takes (1, or an escape's length). */
export function sourceLengthAt(raw: string, offset: number): number {
  if (raw[offset] !== '\\') return 1;
  const next = raw[offset + 1];
  if (next === 'x') return 4;
  if (next === 'u') return raw[offset + 2] === '{' ? raw.indexOf('}', offset) - offset + 1 : 6;
  return 2;
}

/** Source offsets of value characters `start`..`end` of a literal whose text (`raw`, quotes included) starts at `literalStart`. */
export function literalValueRange(literalStart: number, raw: string, start: number, end: number): { start: number; end: number } {
  const offsets = valueToSourceOffsets(raw);
  const at = (i: number) => offsets[Math.min(Math.max(i, 0), offsets.length - 1)]!;
  const from = literalStart + at(start);
  // The end is just past the last character of the range, not the start of the next one.
  const to = end > start ? literalStart + at(end - 1) + sourceLengthAt(raw, at(end - 1)) : from + 1;
  return { start: from, end: Math.max(to, from + 1) };
}

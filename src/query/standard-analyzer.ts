/**
 * Elasticsearch's `standard` analyzer: Unicode (UAX #29) word segmentation, then lowercase; no
 * stop words. This is the subset of UAX #29 that matters for log text:
 * - letters and digits join (`abc123`); `_` joins words (`foo_bar`);
 * - `.` and `'` join letters to letters and digits to digits (`www.example.com`, `1.2.3.4`,
 *   `don't`); `:` joins letters to letters (`foo:bar`); `,` and `;` join digits (`1,000`);
 * - everything else (spaces, `-`, `/`, `\`, `@`, brackets, ...) separates words;
 * - each ideograph (Han, Hiragana) is a word of its own.
 */
export function analyzeStandard(text: string): string[] {
  const tokens: string[] = [];
  const chars = [...text];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0) {
      const word = chars.slice(start, end).join('');
      if (/[\p{L}\p{N}]/u.test(word)) tokens.push(luceneLowerCase(word));
    }
    start = -1;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = classOf(chars[i]!);
    if (c === 'ideo') {
      flush(i);
      tokens.push(chars[i]!); // Han and Hiragana have no case
      continue;
    }
    if (c === 'letter' || c === 'digit' || c === 'extend') {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && c !== 'other') {
      const prev = classOf(chars[i - 1]!);
      const next = i + 1 < chars.length ? classOf(chars[i + 1]!) : 'other';
      const joinsLetters = prev === 'letter' && next === 'letter' && (c === 'midLetter' || c === 'midNumLet');
      const joinsDigits = prev === 'digit' && next === 'digit' && (c === 'midNum' || c === 'midNumLet');
      if (joinsLetters || joinsDigits) continue;
    }
    flush(i);
  }
  flush(chars.length);
  return tokens;
}

/**
 * Lower case as Lucene's LowerCaseFilter (the analyzer's and query_string's normaliser) writes it:
 * each code point on its own, by its simple mapping. String.toLowerCase differs on two: `İ`
 * (U+0130) becomes `i̇` instead of `i`, and a final `Σ` becomes `ς` instead of `σ`. Text without
 * either (nearly all) takes String.toLowerCase, which is the same there: this runs on every word.
 */
export function luceneLowerCase(text: string): string {
  if (!/[\u0130\u03a3]/.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += ch === '\u0130' ? 'i' : ch.toLowerCase();
  return out;
}

type CharClass = 'letter' | 'digit' | 'extend' | 'midLetter' | 'midNumLet' | 'midNum' | 'ideo' | 'other';

function classOf(ch: string): CharClass {
  if (/[\p{Script=Han}\p{Script=Hiragana}]/u.test(ch)) return 'ideo';
  if (/[\p{L}\p{M}]/u.test(ch)) return 'letter';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  if (/\p{Pc}/u.test(ch)) return 'extend';
  if (ch === ':' || ch === '\u00b7') return 'midLetter';
  if (ch === '.' || ch === "'" || ch === '\u2019') return 'midNumLet';
  if (ch === ',' || ch === ';') return 'midNum';
  return 'other';
}

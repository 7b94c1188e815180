import { QueryError, unsupported } from './query-error.js';

// With the `u` flag only syntax characters and `/` may be escaped outside a class (`\-` is a
// syntax error there); inside a class `-` and `^` must be.
const SPECIAL_OUTSIDE_CLASS = /[\\^$.*+?()[\]{}|/]/g;
const SPECIAL_IN_CLASS = /[\\\]\[^-]/g;

function literal(ch: string): string {
  return ch.replace(SPECIAL_OUTSIDE_CLASS, '\\$&');
}

const literalChar = literal;

// Lucene's case_insensitive (regexp, wildcard, prefix, term) folds ASCII letters only: `é` never
// matches `É`, and the Kelvin sign (U+212A), whose lower case is `k`, matches only itself.
function asciiCaseless(ch: string): string {
  return /^[a-zA-Z]$/.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : literal(ch);
}

/** Text with its ASCII letters in lower case, the others as they are: what case_insensitive compares. */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function classLiteral(ch: string): string {
  return ch.replace(SPECIAL_IN_CLASS, '\\$&');
}

/**
 * A Lucene wildcard pattern (`*` any run, `?` one character, `\` escapes) as an anchored
 * JavaScript regular expression over the whole value.
 */
export function wildcardToRegExp(pattern: string, caseInsensitive = false): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  const cached = compiledWildcards.get(key);
  if (cached) return cached;
  if (compiledWildcards.size > 10_000) compiledWildcards.clear();
  const re = compileWildcard(pattern, caseInsensitive);
  compiledWildcards.set(key, re);
  return re;
}

/** Detections share patterns, and each test case compiles its query again (its clock differs). */
const compiledWildcards = new Map<string, RegExp>();

function compileWildcard(pattern: string, caseInsensitive: boolean): RegExp {
  const literal = caseInsensitive ? asciiCaseless : literalChar;
  let out = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) out += literal(chars[++i]!);
    else if (ch === '*') out += '[^]*';
    else if (ch === '?') out += '[^]';
    else out += literal(ch);
  }
  return new RegExp(`^(?:${out})$`, 'u');
}

/** True when the text has an unescaped `*` or `?`. */
export function hasWildcard(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '*' || raw[i] === '?') return true;
  }
  return false;
}

/** Removes query_string escapes: `\:` -> `:`. */
export function unescapeQueryText(raw: string): string {
  return raw.replace(/\\([^])/g, '$1');
}

/**
 * A Lucene regular expression (Elasticsearch's `regexp` syntax, always anchored to the whole
 * term) as a JavaScript one. `^` and `$` are ordinary characters there; `.` matches any
 * character; `"..."` is a literal; `@` is any string. The optional operators `&`, `~`, `#` and
 * `<n-m>` are refused rather than guessed.
 */
export function luceneRegExp(source: string, caseInsensitive = false): RegExp {
  // Lucene's case_insensitive covers literal ASCII letters, not classes: [A-Z] stays upper case.
  const literal = caseInsensitive ? asciiCaseless : literalChar;
  let out = '';
  const chars = [...source];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\') {
      const next = chars[++i];
      if (next === undefined) throw syntax(source, 'ends with a lone backslash');
      out += 'dDsSwW'.includes(next) ? `\\${next}` : literal(next);
    } else if (ch === '.') {
      out += '[^]';
    } else if (ch === '[') {
      const end = classEnd(chars, i);
      if (end < 0) throw syntax(source, 'has an unclosed [');
      let cls = '';
      for (let j = i + 1; j < end; j++) {
        const c = chars[j]!;
        // classEnd skipped the character after each `\`, so an escape never ends at `end`. `^`, `-`
        // and `[` mean in a JavaScript class (flag u) what they mean in Lucene's; a `]` first is a character.
        if (c === '\\') cls += classLiteral(chars[++j]!);
        else cls += c === ']' ? '\\]' : c;
      }
      out += `[${cls}]`;
      i = end;
    } else if (ch === '"') {
      const end = chars.indexOf('"', i + 1);
      if (end < 0) throw syntax(source, 'has an unclosed "');
      out += chars.slice(i + 1, end).map(literal).join('');
      i = end;
    } else if (ch === '@') {
      out += '[^]*';
    } else if ('&~#<'.includes(ch)) {
      throw unsupported(`the regular expression operator "${ch}" in /${source}/`, `escape it as \\${ch} to match the character`);
    } else if ('()|*+?{}'.includes(ch)) {
      out += ch;
    } else {
      out += literal(ch);
    }
  }
  try {
    return new RegExp(`^(?:${out})$`, 'u');
  } catch {
    throw syntax(source, 'is not a valid regular expression');
  }
}

function classEnd(chars: string[], open: number): number {
  for (let j = open + 1; j < chars.length; j++) {
    if (chars[j] === '\\') j++;
    else if (chars[j] === ']' && j > open + 1) return j;
  }
  return -1;
}

function syntax(source: string, what: string): QueryError {
  return new QueryError('ALERTSMITH_QUERY_SYNTAX', `the regular expression /${source}/ ${what}`);
}

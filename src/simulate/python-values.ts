/**
 * Python's view of JSON values, for the places where ElastAlert's rule types compare or key by
 * them: `hashable()` keys, `==`, truthiness, `str()`, `int()`.
 */

/**
 * What ElastAlert's `hashable(value)` makes of a value: lists and dicts become their `str()`,
 * anything else stays itself.
 */
export function pyHashable(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? pyStr(value) : (value ?? null);
}

/**
 * A Map key for a value, equal where Python's dict keys would be: `hashable(value)`, with
 * `True == 1` and `False == 0` (one key in a dict).
 */
export function hashKey(value: unknown): string {
  const h = pyHashable(value);
  return JSON.stringify(typeof h === 'boolean' ? Number(h) : h);
}

/** Python's `==` on JSON values (`True == 1`, `[1] == [True]`). */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a === 'boolean') a = Number(a);
  if (typeof b === 'boolean') b = Number(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && pyEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Python truthiness: None, False, 0, "", [] and {} are false. */
export function pyTruthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  // A list's keys are its indexes: empty lists and dicts alike are false.
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** `str(value)` for JSON values (what ElastAlert joins compound query keys with). */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** `repr(value)` for JSON values: `'a'`, `True`, `None`, `[1, 'b']`, `{'k': 1}`. */
function pyRepr(v: unknown): string {
  if (v === undefined || v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return pyNumberRepr(v);
  if (typeof v === 'string') return pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
    .join(', ')}}`;
}

/**
 * `repr()` of a JSON number as Python 3 writes it. JSON text `1.0` and `1` parse to the same
 * number here, so a whole number is taken as the int it usually is (all its digits, never an
 * exponent); any other is a float, written with an exponent below 1e-4 (`1e-05`, two digits at
 * least) where JavaScript would still write `0.00001`.
 */
function pyNumberRepr(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  if (Number(exponent) >= -4) return String(n);
  return `${mantissa}e-${exponent.slice(1).padStart(2, '0')}`;
}

/**
 * `repr()` of a str as Python 3 writes it: single quotes unless the text holds `'` and no `"`;
 * backslash and that quote escaped; tab, newline and carriage return as `\t`, `\n`, `\r`; other
 * ASCII controls and DEL as `\xhh`; other characters kept when printable, else as `\xhh`,
 * `\uhhhh` or `\Uhhhhhhhh`. Which characters are unassigned (not printable) follows Node's
 * Unicode database, which may be newer than the Python's.
 */
function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20) out += `\\x${hex(code, 2)}`;
    // DEL (0x7f) is a control character: NOT_PRINTABLE has it written as \x7f.
    else if (code < 0x7f || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

/** What Python's `str.isprintable()` refuses: controls, format, surrogates, private use, unassigned, separators. */
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(code: number, digits: number): string {
  return code.toString(16).padStart(digits, '0');
}

/**
 * Python's `int(value)` for JSON values: integers as they are, floats truncated, booleans 1 and 0,
 * text of digits (spaces around, a sign, `_` between digits); else the exception it raises.
 */
export function pyInt(v: unknown): number | 'ValueError' | 'TypeError' {
  if (typeof v === 'boolean') return Number(v);
  // NaN is a ValueError in Python (infinity an OverflowError, which no indexed document carries).
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 'ValueError';
  if (typeof v === 'string') {
    const text = v.trim();
    return /^[+-]?\d+(_\d+)*$/.test(text) ? Number(text.replace(/_/g, '')) : 'ValueError';
  }
  return 'TypeError';
}

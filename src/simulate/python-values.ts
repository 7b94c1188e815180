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
  if (Array.isArray(v)) return v.length > 0;
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
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
    .join(', ')}}`;
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

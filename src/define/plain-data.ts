/**
 * Definitions must be plain data (what JSON and YAML can hold): a function, a Date, a Map, a
 * class instance or a cycle in a definition would be lost or mangled on the way to YAML.
 * Returns the path and kind of the first such value, or undefined.
 */
export function findNonPlainValue(value: unknown, path: (string | number)[] = [], seen = new Set<object>()): { path: (string | number)[]; kind: string } | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { path, kind: `the number ${value}` };
    case 'function':
      return { path, kind: 'a function' };
    case 'bigint':
      return { path, kind: 'a bigint' };
    case 'symbol':
      return { path, kind: 'a symbol' };
  }
  if (value === null) return undefined;
  const obj = value as object;
  if (seen.has(obj)) return { path, kind: 'a cycle (an object that contains itself)' };
  if (Array.isArray(obj)) {
    seen.add(obj);
    for (let i = 0; i < obj.length; i++) {
      const found = findNonPlainValue(obj[i], [...path, i], seen);
      if (found) return found;
    }
    seen.delete(obj);
    return undefined;
  }
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    return { path, kind: `a ${proto?.constructor?.name ?? 'class'} instance (only plain objects, arrays, strings, numbers and booleans)` };
  }
  seen.add(obj);
  for (const [key, v] of Object.entries(obj)) {
    const found = findNonPlainValue(v, [...path, key], seen);
    if (found) return found;
  }
  seen.delete(obj);
  return undefined;
}

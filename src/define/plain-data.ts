/**
 * Definitions must be plain data (what JSON and YAML can hold): a function, a Date, a Map, a
 * class instance or a cycle in a definition would be lost or mangled on the way to YAML.
 * Returns the path and kind of the first such value, or undefined.
 */
export function findNonPlainValue(value: unknown): { path: (string | number)[]; kind: string } | undefined {
  // One path stack for the whole walk, copied only for the answer: test events make definitions large.
  const path: (string | number)[] = [];
  const kind = nonPlainKind(value, path, new Set<object>());
  return kind === undefined ? undefined : { path, kind };
}

/** The kind of the first non-plain value under `value`; `path` is left pointing at it. */
function nonPlainKind(value: unknown, path: (string | number)[], seen: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `the number ${value}`;
    case 'function':
      return 'a function';
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
  }
  if (value === null) return undefined;
  const obj = value as object;
  if (seen.has(obj)) return 'a cycle (an object that contains itself)';
  if (Array.isArray(obj)) {
    seen.add(obj);
    for (let i = 0; i < obj.length; i++) {
      path.push(i);
      const found = nonPlainKind(obj[i], path, seen);
      if (found !== undefined) return found;
      path.pop();
    }
    seen.delete(obj);
    return undefined;
  }
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    return `a ${proto?.constructor?.name ?? 'class'} instance (only plain objects, arrays, strings, numbers and booleans)`;
  }
  seen.add(obj);
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    path.push(key);
    const found = nonPlainKind((obj as Record<string, unknown>)[key], path, seen);
    if (found !== undefined) return found;
    path.pop();
  }
  seen.delete(obj);
  return undefined;
}

import { isRecord } from '../incident/field-lookup.js';

/**
 * The values Elasticsearch indexes for a field path. Unlike ElastAlert's `lookupField` (which the
 * simulation uses), Elasticsearch names a field by joining every key on the way with `.`, so
 * `{"a.b": 1}`, `{"a": {"b": 1}}` and `{"a": [{"b": 1}]}` all hold `a.b`; arrays are flattened
 * and nulls are not indexed.
 */
export function fieldValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path, out);
  return out;
}

function collect(node: unknown, path: string, out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, path, out);
    return;
  }
  if (!isRecord(node)) return;
  for (const key of Object.keys(node)) {
    if (key === path) pushLeaves(node[key], out);
    else if (path.startsWith(key) && path.charCodeAt(key.length) === 46 /* . */) {
      collect(node[key], path.slice(key.length + 1), out);
    }
  }
}

function pushLeaves(value: unknown, out: unknown[]): void {
  if (Array.isArray(value)) for (const v of value) pushLeaves(v, out);
  else if (value !== null && value !== undefined) out.push(value);
}

/**
 * True when the path holds any indexed value, or is an object holding one (Elasticsearch's
 * `exists`), whichever way the keys are written: `{"user.name": x}` holds the object `user`.
 */
export function fieldExists(doc: unknown, path: string): boolean {
  if (Array.isArray(doc)) return doc.some((item) => fieldExists(item, path));
  if (!isRecord(doc)) return false;
  for (const key of Object.keys(doc)) {
    if (key === path || (key.startsWith(path) && key.charCodeAt(path.length) === 46) /* . */) {
      if (hasAnyLeaf(doc[key])) return true;
    } else if (path.startsWith(key) && path.charCodeAt(key.length) === 46 && fieldExists(doc[key], path.slice(key.length + 1))) {
      return true;
    }
  }
  return false;
}

function hasAnyLeaf(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasAnyLeaf);
  if (isRecord(node)) return Object.values(node).some(hasAnyLeaf);
  return node !== null && node !== undefined;
}

/** Every leaf field path of a document, as Elasticsearch names them (for queries without a field). */
export function leafPaths(doc: unknown): string[] {
  const out = new Set<string>();
  walk(doc, '', out);
  return [...out];
}

function walk(node: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, prefix, out);
    return;
  }
  if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) walk(value, prefix === '' ? key : `${prefix}.${key}`, out);
    return;
  }
  if (node !== null && node !== undefined && prefix !== '') out.add(prefix);
}

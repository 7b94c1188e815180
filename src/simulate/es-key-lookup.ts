import type { ElastAlertLine } from '../define/schema/config.js';
import { isRecord, lookupField } from '../incident/field-lookup.js';

/**
 * ElastAlert's `lookup_es_key`, which its rule types read fields with, as each line has it.
 * 0.2.4: the literal key, else a walk through nested objects (`lookupField`). ElastAlert 2 tries
 * the longest dotted prefix that is a key and stops at the first value that is not an object,
 * returning it even with path left over: `user.name` on `{"user": "bob"}` is `"bob"`, on
 * `{"user": [{"name": "a"}]}` the whole list, and `user.name.keyword` on `{"user": {"name": "x"}}`
 * is `"x"`. Undefined when not found.
 */
export function lookupEsKey(doc: unknown, term: string, line: ElastAlertLine): unknown {
  if (line === '0.2') return lookupField(doc, term);
  return isRecord(doc) ? findEa2(doc, term) : undefined;
}

const INDEXED = /(.+?)\[(\d)\](.*)/;

function findEa2(dict: Record<string, unknown>, term: string): unknown {
  const subkeys = term.split('.');
  for (let i = subkeys.length; i >= 1; i--) {
    let root = subkeys.slice(0, i).join('.');
    const m = INDEXED.exec(root);
    let index: number | undefined;
    const child: string[] = [];
    if (m) {
      root = m[1]!;
      index = Number(m[2]);
      if (m[3]) child.push(m[3]);
    }
    if (!Object.hasOwn(dict, root)) continue;
    child.push(...subkeys.slice(i));
    const rest = child.join('.');
    const value = dict[root];
    if (index !== undefined) {
      const item = Array.isArray(value) ? value[index] : undefined;
      if (!rest) return item;
      if (isRecord(item)) return findEa2(item, rest);
    }
    if (rest && isRecord(value)) return findEa2(value, rest);
    return value;
  }
  return undefined;
}

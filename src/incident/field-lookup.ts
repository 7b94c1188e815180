/**
 * Field lookup in an ElastAlert match, with ElastAlert's own rules (`lookup_es_key` in
 * elastalert/util.py), so that `{{a.b}}` finds what ElastAlert itself would find:
 * - the whole path as a literal key first (`{"a.b": 1}` beats `{"a": {"b": 2}}`);
 * - else walk the path segment by segment, joining segments with `.` until a key exists
 *   (`{"a": {"b.c": 1}}` answers `a.b.c`);
 * - `name[0]` indexes a list;
 * - not found gives `undefined`, never an exception.
 * ElastAlert only reads single-digit indexes; any index is accepted here (a superset).
 */
export function lookupField(match: unknown, path: string): unknown {
  if (!isRecord(match)) return undefined;
  if (Object.hasOwn(match, path)) return match[path];
  return walk(match, path);
}

/** True where the path names a value that exists (even `null`). */
export function hasField(match: unknown, path: string): boolean {
  return lookupField(match, path) !== undefined;
}

const INDEX = /\[(\d+)\]/;

function walk(root: Record<string, unknown>, path: string): unknown {
  let cursor: unknown = root;
  let rest = path;
  while (rest !== '') {
    const indexMatch = INDEX.exec(rest);
    const segment = indexMatch ? rest.slice(0, indexMatch.index) : rest;
    rest = indexMatch ? rest.slice(indexMatch.index + indexMatch[0].length).replace(/^\./, '') : '';
    if (segment !== '') {
      cursor = walkDotted(cursor, segment);
      if (cursor === undefined) return undefined;
    }
    if (indexMatch) {
      const index = Number(indexMatch[1]);
      if (!Array.isArray(cursor) || index >= cursor.length) return undefined;
      cursor = cursor[index];
    }
  }
  return cursor;
}

/** Greedy, as ElastAlert: descend at the first prefix that is a key, else join with the next segment. */
function walkDotted(start: unknown, dotted: string): unknown {
  const parts = dotted.split('.');
  let cursor = start;
  let key = '';
  for (let i = 0; i < parts.length; i++) {
    if (!isRecord(cursor)) return undefined;
    key += parts[i];
    const last = i === parts.length - 1;
    if (Object.hasOwn(cursor, key)) {
      if (last) return cursor[key];
      cursor = cursor[key];
      key = '';
    } else if (last) {
      return undefined;
    } else {
      key += '.';
    }
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { seededRandom } from '../../../src/seeded-random.js';

/**
 * Seeded random Lucene queries from a small grammar over the corpus's atoms: boolean operators,
 * modifiers, groups (some on a field), negations. The same seed gives the same queries.
 */


export function randomQueries(atoms: readonly string[], seed: number, count: number): string[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const fieldGroup = (): string => {
    // A group on one field, as `event.code:(4624 OR 4625)` is written.
    const withField = atoms.filter((a) => /^[\w.@]+:[\w"]/.test(a) && !a.startsWith('_exists_'));
    const a = pick(withField);
    const field = a.slice(0, a.indexOf(':'));
    const values = withField.filter((b) => b.startsWith(`${field}:`)).map((b) => b.slice(field.length + 1));
    const n = 1 + Math.floor(rnd() * 3);
    const parts = Array.from({ length: n }, () => pick(values));
    return `${field}:(${parts.join(pick([' OR ', ' AND ', ' ', ' OR NOT ']))})`;
  };
  const expr = (depth: number): string => {
    const r = rnd();
    if (depth <= 0 || r < 0.35) {
      const leaf = rnd() < 0.2 ? fieldGroup() : pick(atoms);
      return pick(['', '', '', 'NOT ', '-', '+', '!']) + leaf;
    }
    const n = 2 + Math.floor(rnd() * 2);
    const parts = Array.from({ length: n }, () => expr(depth - 1));
    let out = parts[0]!;
    for (const p of parts.slice(1)) out += pick([' AND ', ' OR ', ' ', ' AND NOT ', ' && ', ' || ']) + p;
    return rnd() < 0.6 ? `(${out})` : out;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(expr(1 + Math.floor(rnd() * 3)));
  return out;
}

/**
 * Seeded random DSL: bool queries over the corpus's clauses, with must, filter, should, must_not
 * and minimum_should_match, nested up to three levels.
 */
export function randomDslQueries(clauses: readonly Record<string, unknown>[], seed: number, count: number): Record<string, unknown>[] {
  const rnd = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const list = (depth: number): Record<string, unknown>[] => Array.from({ length: Math.floor(rnd() * 3) }, () => clause(depth - 1));
  const clause = (depth: number): Record<string, unknown> => {
    if (depth <= 0 || rnd() < 0.4) return pick(clauses);
    const bool: Record<string, unknown> = {};
    for (const key of ['must', 'filter', 'should', 'must_not']) {
      const items = list(depth);
      if (items.length > 0) bool[key] = items.length === 1 && rnd() < 0.5 ? items[0] : items;
    }
    if (bool.should !== undefined && rnd() < 0.4) bool.minimum_should_match = pick([1, 2, -1, '50%', '100%', 3]);
    return { bool };
  };
  return Array.from({ length: count }, () => clause(1 + Math.floor(rnd() * 3)));
}

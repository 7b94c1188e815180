import path from 'node:path';
import { isRecord } from '../../incident/field-lookup.js';

/** One rule file as read (see `readRuleText`): its value, or why it could not be read. */
export type ReadRuleFile = (file: string) => { ok: true; value: unknown } | { ok: false; reason: string };

const MAX_IMPORTS = 64;

export type ResolvedImports =
  | {
      ok: true;
      /** The rule as ElastAlert's loader merges it, `import` removed. */
      rule: Record<string, unknown>;
      /** The base files read, in the order ElastAlert reads them. */
      bases: string[];
      /** Some `import:` is a list: ElastAlert 2 reads it, Yelp 0.2.4 fails to load the rule. */
      listImport: boolean;
    }
  | { ok: false; reason: string };

/**
 * `import:` as ElastAlert's `FileRulesLoader.load_yaml` resolves it: each file's keys are laid
 * under those already read (the importing file wins), `filter` lists are joined base-first, and
 * relative import paths are taken from the folder of the rule being loaded (not of the base that
 * names them). ElastAlert 2 also takes a list, and walks it depth first from its last entry, so a
 * later import wins over an earlier one. Pure: files are read through `read`.
 */
export function resolveImports(file: string, read: ReadRuleFile): ResolvedImports {
  let rule: Record<string, unknown> = {};
  const stack: string[] = [];
  const bases: string[] = [];
  let listImport = false;
  let current = file;
  for (;;) {
    const loaded = read(current);
    if (!loaded.ok) return { ok: false, reason: current === file ? loaded.reason : `its import ${current}: ${loaded.reason}` };
    if (!isRecord(loaded.value)) {
      return { ok: false, reason: `${current === file ? 'the file' : `its import ${current}`} is not a mapping of options` };
    }
    const merged: Record<string, unknown> = { ...loaded.value };
    if ('filter' in rule && 'filter' in merged) {
      if (!Array.isArray(rule.filter) || !Array.isArray(merged.filter)) {
        return { ok: false, reason: `filter of ${current} and of the file importing it cannot be joined: both must be lists` };
      }
      rule.filter = [...(merged.filter as unknown[]), ...(rule.filter as unknown[])];
    }
    Object.assign(merged, rule);
    rule = merged;
    if ('import' in rule) {
      const named = rule.import;
      delete rule.import;
      if (Array.isArray(named)) listImport = true;
      const paths = typeof named === 'string' ? [named] : Array.isArray(named) && named.every((p) => typeof p === 'string') ? (named as string[]) : undefined;
      if (paths === undefined) return { ok: false, reason: 'import: must be a file path (or, on ElastAlert 2, a list of them)' };
      for (const p of paths) stack.push(path.isAbsolute(p) ? p : path.join(path.dirname(file), p));
    }
    const next = stack.pop();
    if (next === undefined) break;
    // A file may be imported twice (a diamond); only a cycle never ends, and ElastAlert then loads forever.
    if (bases.length >= MAX_IMPORTS) {
      return { ok: false, reason: `import: more than ${MAX_IMPORTS} files deep, a cycle: ElastAlert would load this rule forever` };
    }
    bases.push(next);
    current = next;
  }
  return { ok: true, rule, bases, listImport };
}

import { readPyYaml, YamlReadError } from './pyyaml-read.js';

/** A rule file read as ElastAlert reads it, and what its text relies on. */
export type RuleText =
  | {
      ok: true;
      value: unknown;
      /** Top-level keys written twice (PyYAML keeps the last). */
      repeatedKeys: string[];
      /** `$VAR` / `${VAR}` names ElastAlert 2 expands from its environment before parsing (0.2.4 does not). */
      variables: string[];
    }
  | { ok: false; reason: string };

/** Python's `os.path.expandvars` pattern (posixpath, ASCII): `$name` or `${anything}`. */
const VARIABLE = /\$(?:([A-Za-z0-9_]+)|\{([^}]*)\})/g;

export function readRuleText(text: string): RuleText {
  const variables = [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? m[2]!))].sort();
  try {
    const read = readPyYaml(text);
    return { ok: true, value: read.value, repeatedKeys: read.repeatedKeys, variables };
  } catch (thrown) {
    if (thrown instanceof YamlReadError) return { ok: false, reason: `PyYAML cannot read it: ${thrown.message}` };
    throw thrown;
  }
}

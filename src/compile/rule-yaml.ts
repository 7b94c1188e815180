import yaml from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';
import type { RuleObject } from './rule-object.js';

/**
 * The one place rules become YAML text.
 *
 * - Every string value is a double-quoted scalar, so PyYAML's YAML 1.1 reading of `yes`, `no`,
 *   `~`, `0777`, `12:30` or `2026-11-27` cannot change its type.
 * - Inside those scalars every `$` is written `\x24`: ElastAlert 2 runs `os.path.expandvars` over
 *   the raw file, and an escape is the only `$` it cannot see.
 * - Every non-ASCII character is written as a `\u` escape: the file is pure ASCII, so the
 *   locale ElastAlert runs in cannot change how it is read.
 * - No line wrapping, no anchors, keys in the order of the rule object.
 * The result is parsed back and compared with the rule: a rule that would not survive the
 * trip is an error here, not a surprise in ElastAlert.
 */
export function ruleToYaml(rule: RuleObject, header: string): string {
  assertPlainNumbers(rule, []);
  const dumped = yaml.dump(rule, {
    lineWidth: -1,
    noRefs: true,
    sortKeys: false,
    forceQuotes: true,
    quotingType: '"',
  });
  const text = header + escapeOutsideAscii(dumped);
  const back = yaml.load(text);
  if (!isDeepStrictEqual(back, rule)) {
    throw new Error('the YAML written for this rule does not read back as the same rule');
  }
  return text;
}

/** `$` and non-ASCII characters as double-quoted-scalar escapes (only values hold them: see `dslClauses`). */
function escapeOutsideAscii(text: string): string {
  return text.replace(/[$\u0080-\u{10FFFF}]/gu, (c) => {
    const code = c.codePointAt(0)!;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
    return `\\U${code.toString(16).padStart(8, '0')}`;
  });
}

/** PyYAML (YAML 1.1) reads `1e+21` as a string: numbers must be plain integers or decimals. */
function assertPlainNumbers(value: unknown, path: string[]): void {
  if (typeof value === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(String(value))) {
      throw new RangeError(`${path.join('.')}: ${value} cannot be written as a plain YAML number; use a smaller value`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainNumbers(v, [...path, String(i)]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) assertPlainNumbers(v, [...path, k]);
  }
}

/**
 * Differential: the simulation's `str()` of a list of strings and numbers
 * (src/simulate/python-values.ts) against the Python each ElastAlert line runs on, over seeded
 * random text and numbers (whole numbers as JSON writes them: digits, which Python reads as ints). ElastAlert joins a
 * compound `query_key` with `str(value)`, so a list value keys alerts by exactly this text.
 *
 *   ALERTSMITH_FIDELITY_REQUIRED=1   a missing ElastAlert line fails instead of skipping (CI)
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyStr } from '../../../src/simulate/python-values.js';
import { ELASTALERT_LINES } from '../../e2e/elastalert-lines.js';

const REQUIRED = process.env.ALERTSMITH_FIDELITY_REQUIRED === '1';
const SEED = 20261129;
const LISTS = 3000;

/** Reads JSON lists, one a line; writes `[str(list), [unassigned code points]]` per line, as ASCII JSON. */
const PYTHON = `
import json, sys, unicodedata
for line in sys.stdin:
    value = json.loads(line)
    unassigned = [ord(c) for s in value if isinstance(s, str) for c in s if unicodedata.category(c) == 'Cn']
    print(json.dumps([str(value), unassigned]))
`;

// Characters where repr() decides something, and any code point at all (lone surrogates too).
const character = fc.oneof(
  fc.constantFrom('\\', "'", '"', '\t', '\n', '\r', ' ', '\x00', '\x1f', '\x7f', '\x85', '\xa0', '\xad', '\xff', '\u2028', '\u200b', '\ufeff', '\uffff', '\u0378', '\u{e0001}', '\u{10ffff}'),
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x80, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);
const text = fc.array(character, { maxLength: 8 }).map((cs) => cs.join(''));
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
  fc.double({ min: 1e-9, max: 1e-3, noNaN: true }),
  fc.maxSafeInteger(),
);

describe('str() of a list of strings and numbers, against Python', () => {
  const lists = fc.sample(fc.array(fc.oneof({ arbitrary: text, weight: 3 }, { arbitrary: number, weight: 1 }), { minLength: 1, maxLength: 4 }), { seed: SEED, numRuns: LISTS });
  for (const line of ELASTALERT_LINES) {
    it.skipIf(line.missing !== undefined && !REQUIRED)(`writes what ${line.label}'s Python writes, on ${LISTS} random lists`, () => {
      if (line.missing !== undefined) throw new Error(`${line.label}: ${line.missing}; ALERTSMITH_FIDELITY_REQUIRED=1, so this fails: run scripts/install-elastalert.sh`);
      const input = lists.map((l) => JSON.stringify(l)).join('\n') + '\n';
      const output = execFileSync(line.python, ['-c', PYTHON], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const answers = output.trim().split('\n').map((l) => JSON.parse(l) as [string, number[]]);
      expect(answers).toHaveLength(lists.length);
      const differences: string[] = [];
      let compared = 0;
      answers.forEach(([expected, unassigned], i) => {
        // Characters assigned after the Python's Unicode version are printable to Node alone.
        if (unassigned.some((c) => !/^\p{Cn}$/u.test(String.fromCodePoint(c)))) return;
        compared++;
        const actual = pyStr(lists[i]);
        if (actual !== expected) differences.push(`${JSON.stringify(lists[i])}: python ${JSON.stringify(expected)}, simulation ${JSON.stringify(actual)}`);
      });
      expect(differences.slice(0, 10)).toEqual([]);
      expect(compared).toBeGreaterThan(LISTS * 0.9);
    });
  }
});

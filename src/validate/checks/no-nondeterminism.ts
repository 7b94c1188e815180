import type { ts as TS } from 'ts-morph';
import type { SourceCheck } from '../source-check.js';

/** Reads whose value changes from run to run, by `object.property`. */
const VARYING_READS: Record<string, string> = {
  'Date.now': 'the current time',
  'Math.random': 'a random number',
  'process.env': 'the environment of whoever runs build',
  'crypto.randomUUID': 'a random id',
  'performance.now': 'the current time',
};

/**
 * The reads above as a file's text writes them, or element access on those objects. Files
 * without any are not parsed: `new Date(Date.UTC(...))` in test events and `process.name` in a
 * query are common and constant.
 */
const VARYING_TEXT =
  /\bDate\s*\.\s*now\b|\bnew\s+Date\s*(\(\s*\)|(?!\s*\())|(?<![\w.$])Date\s*\(\s*\)|\bMath\s*\.\s*random\b|\bprocess\s*\.\s*env\b|\bcrypto\s*\.\s*randomUUID\b|\bperformance\s*\.\s*now\b|\b(Date|Math|process|crypto|performance)\s*\[/;

/**
 * `build` must write the same rules on every run and machine, and `build --check` in CI
 * compares against committed output: a definition may not read the clock, chance or the
 * environment.
 */
export const noNondeterminism: SourceCheck = {
  id: 'no-nondeterminism',
  level: 'error',
  doc: 'A definition file does not read the clock, randomness or the environment (Date.now, new Date(), Math.random, process.env).',
  // Most files use none of these names: they need no parse.
  mayReport: (text) => VARYING_TEXT.test(text),
  checkSource({ sf, ts, report }) {
    const visit = (node: TS.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const key = accessKey(ts, sf, node);
        const what = key !== undefined && Object.hasOwn(VARYING_READS, key) ? VARYING_READS[key] : undefined;
        if (what) {
          report({
            start: node.getStart(sf),
            end: node.end,
            message: `${key} reads ${what}: the generated rule would differ from run to run`,
            fix: 'write the value as a constant in the definition',
          });
        }
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sf) === 'Date') {
        // `new Date('2026-01-01')` is a constant; `new Date()` and `Date()` are the current time.
        if ((node.arguments?.length ?? 0) === 0) {
          report({
            start: node.getStart(sf),
            end: node.end,
            message: `${node.getText(sf)} reads the current time: the generated rule would differ from run to run`,
            fix: 'write the date as a constant',
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(sf, visit);
  },
};

function accessKey(ts: typeof TS, sf: TS.SourceFile, node: TS.PropertyAccessExpression | TS.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return `${node.expression.getText(sf)}.${node.name.text}`;
  const argument = node.argumentExpression;
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return `${node.expression.getText(sf)}.${argument.text}`;
  return undefined;
}

import { Node } from 'ts-morph';
import type { LintRule } from '../lint-rule.js';

/** Reads whose value changes from run to run, by `object.property`. */
const VARYING_READS: Record<string, string> = {
  'Date.now': 'the current time',
  'Math.random': 'a random number',
  'process.env': 'the environment of whoever runs build',
  'crypto.randomUUID': 'a random id',
  'performance.now': 'the current time',
};

/**
 * `build` must write the same rules on every run and machine, and `build --check` in CI
 * compares against committed output: a definition may not read the clock, chance or the
 * environment.
 */
export const noNondeterminism: LintRule = {
  id: 'no-nondeterminism',
  level: 'error',
  doc: 'A definition file does not read the clock, randomness or the environment (Date.now, new Date(), Math.random, process.env).',
  checkDefinition({ source, report }) {
    const text = source.file.getFullText();
    // Most files use none of these names: skip the walk for them.
    if (!/\b(Date|random|env|randomUUID|now)\b/.test(text)) return;
    source.file.forEachDescendant((node) => {
      if (Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node)) {
        const key = accessKey(node);
        const what = key !== undefined && Object.hasOwn(VARYING_READS, key) ? VARYING_READS[key] : undefined;
        if (what) {
          report({
            target: node,
            message: `${key} reads ${what}: the generated rule would differ from run to run`,
            fix: 'write the value as a constant in the definition',
          });
        }
      } else if ((Node.isNewExpression(node) || Node.isCallExpression(node)) && node.getExpression().getText() === 'Date') {
        // `new Date('2026-01-01')` is a constant; `new Date()` and `Date()` are the current time.
        if (node.getArguments().length === 0) {
          report({
            target: node,
            message: `${node.getText()} reads the current time: the generated rule would differ from run to run`,
            fix: 'write the date as a constant',
          });
        }
      }
    });
  },
};

function accessKey(node: Node): string | undefined {
  if (Node.isPropertyAccessExpression(node)) return `${node.getExpression().getText()}.${node.getName()}`;
  if (Node.isElementAccessExpression(node)) {
    const argument = node.getArgumentExpression();
    if (argument && (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument))) {
      return `${node.getExpression().getText()}.${argument.getLiteralValue()}`;
    }
  }
  return undefined;
}


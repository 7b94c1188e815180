import type { LintRule } from '../lint-rule.js';
import { propertyAt } from '../static-value.js';
import { rangeInString } from '../string-target.js';

export const indexPattern: LintRule = {
  id: 'index-pattern',
  level: 'error',
  doc: "The index pattern is set (here or in the config defaults) and not empty; '*' alone, which searches every index, is a warning.",
  checkDefinition({ source, config, report }) {
    const definition = source.definition;
    if (!definition || !source.call) return;
    const index = propertyAt(definition, ['index']);
    if (!index) {
      if (config.defaults.index === undefined) {
        report({
          target: source.call.getExpression(),
          message: 'no index: neither this definition nor the config defaults name the indices to search',
          fix: "add e.g. index: 'logs-*', or defaults.index in alertsmith.config.ts",
        });
      }
      return;
    }
    if (index.value.kind !== 'string') return;
    const text = index.value.value;
    if (text.trim() === '') {
      report({ target: index.value.node, message: 'the index pattern is empty', fix: "name the indices, e.g. 'logs-*'" });
      return;
    }
    let offset = 0;
    for (const part of text.split(',')) {
      const trimmed = part.trim();
      const start = offset + part.indexOf(trimmed);
      if (trimmed === '') {
        report({
          target: rangeInString(index.value.node, offset, offset + part.length),
          message: 'the index list has an empty entry',
          fix: 'remove the extra comma',
        });
      } else if (trimmed === '*' || trimmed === '_all') {
        report({
          target: rangeInString(index.value.node, start, start + trimmed.length),
          message: `the index pattern "${trimmed}" searches every index, system indices included: slow, and matches data the detection was not written for`,
          fix: "name the indices the detection is about, e.g. 'logs-system.auth-*'",
          level: 'warning',
        });
      }
      offset += part.length + 1;
    }
  },
};

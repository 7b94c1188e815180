import type { LintRule } from '../lint-rule.js';
import { durationMillis } from '../static-duration.js';
import { propertyAt } from '../static-value.js';

/** Rule types that count within a window (ElastAlert requires `timeframe` for them). */
const WINDOWED_TYPES = ['frequency', 'spike', 'flatline', 'cardinality'];

export const timeframeRequired: LintRule = {
  id: 'timeframe-required',
  level: 'error',
  doc: 'frequency, spike, flatline and cardinality have a timeframe, and it is longer than 0.',
  checkDefinition({ source, report }) {
    if (!source.definition) return;
    const type = propertyAt(source.definition, ['type']);
    if (type?.value.kind !== 'string' || !WINDOWED_TYPES.includes(type.value.value)) return;
    const timeframe = propertyAt(source.definition, ['timeframe']);
    if (!timeframe) {
      report({
        target: type.node,
        message: `type ${type.value.value} counts events within a timeframe, and there is none`,
        fix: "add e.g. timeframe: '5m'",
      });
    } else if (durationMillis(timeframe.value) === 0) {
      report({ target: timeframe.value.node, message: 'timeframe is 0: the window never holds an event', fix: "set e.g. timeframe: '5m'" });
    }
  },
};

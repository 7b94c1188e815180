import type { LintRule } from '../lint-rule.js';
import { propertyAt } from '../static-value.js';

export const frequencySingleEvent: LintRule = {
  id: 'frequency-single-event',
  level: 'warning',
  doc: "num_events: 1 on a frequency rule alerts on every matching document: that is type 'any'.",
  checkDefinition({ source, report }) {
    if (!source.definition) return;
    const type = propertyAt(source.definition, ['type']);
    const numEvents = propertyAt(source.definition, ['num_events']);
    if (type?.value.kind !== 'string' || type.value.value !== 'frequency') return;
    if (numEvents?.value.kind !== 'number' || numEvents.value.value !== 1) return;
    report({
      target: numEvents.value.node,
      message: "num_events: 1 on a frequency rule fires on every matching document, as type 'any' does",
      fix: "use type: 'any' (and drop num_events and timeframe), or raise num_events",
    });
  },
};

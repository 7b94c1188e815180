import { durationSchema } from '../../define/schema/duration.js';
import { durationMillis } from '../../duration.js';
import type { DefinitionCheck } from '../definition-check.js';

/** A timeframe of 0 is valid data and a useless rule: the window never holds an event. */
export const timeframeRequired: DefinitionCheck = {
  id: 'timeframe-required',
  level: 'error',
  doc: 'A timeframe, where a rule type has one, is longer than 0 (a missing one is a definition-schema error).',
  checkDefinition({ definition, report }) {
    const timeframe = (definition.value as { timeframe?: unknown } | null)?.timeframe;
    if (timeframe === undefined) return;
    const parsed = durationSchema.safeParse(timeframe);
    if (parsed.success && durationMillis(parsed.data) === 0) {
      report({ path: ['timeframe'], message: 'timeframe is 0: the window never holds an event', fix: "set e.g. timeframe: '5m'" });
    }
  },
};

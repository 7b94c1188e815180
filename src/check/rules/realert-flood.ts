import type { LintRule } from '../lint-rule.js';
import { durationMillis } from '../static-duration.js';
import { propertyAt } from '../static-value.js';

/**
 * `realert` drops repeat matches of a rule (per `query_key` value) within its window. At 0 and
 * without a query_key, every matching document becomes its own XSOAR incident.
 */
export const realertFlood: LintRule = {
  id: 'realert-flood',
  level: 'warning',
  doc: 'A realert of 0 without a query_key opens one incident per matching document: a likely incident flood.',
  checkDefinition({ source, config, report }) {
    const definition = source.definition;
    if (!definition || propertyAt(definition, ['query_key'])) return;
    const realert = propertyAt(definition, ['realert']);
    const fromConfig = realert === undefined && config.defaults.realert !== undefined;
    const millis = realert ? durationMillis(realert.value) : fromConfig ? configMillis(config.defaults.realert) : undefined;
    if (millis !== 0) return;
    report({
      target: realert?.value.node ?? source.call ?? definition.node,
      message: `realert is 0${fromConfig ? ' (from the config defaults)' : ''} and there is no query_key: every matching document opens its own incident`,
      fix: "set query_key to what identifies one incident (e.g. 'source.ip'), or a realert such as '5m'",
    });
  },
};

function configMillis(duration: Record<string, number | undefined> | undefined): number | undefined {
  if (!duration) return undefined;
  return Object.values(duration).every((v) => !v) ? 0 : 1;
}

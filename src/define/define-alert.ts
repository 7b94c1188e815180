import type { DefinitionInput } from './authoring-types.js';
import type { CheckedDefinition } from './field-paths.js';

/**
 * Declares a detection. Returns its argument unchanged: it exists for the types, which check
 * field names in labels, `query_key` and `{{placeholders}}` against ECS, `eventFields` and the
 * fields the rule type adds. `alertsmith build` validates the rest.
 *
 * ```ts
 * export default defineAlert({
 *   id: 'ssh-brute-force', name: 'SSH brute force', description: '...',
 *   type: 'frequency', num_events: 20, timeframe: '5m', query_key: 'source.ip',
 *   query: 'event.category:authentication AND event.outcome:failure',
 *   xsoar: { type: 'Brute Force', severity: 'high', labels: ['source.ip', 'host.name'] },
 * });
 * ```
 */
// `[D] extends [...]`, not `D extends ...`: a bare type parameter makes the conditional
// distributive, and TypeScript then works out its constraint by instantiating CheckedDefinition
// for each of the eleven rule types of DefinitionInput, on every call: 1,230,526 type
// instantiations for one definition, against 35,816 this way (tsc --extendedDiagnostics).
export function defineAlert<const D extends DefinitionInput>(
  definition: D & NoInfer<[D] extends [CheckedDefinition<D>] ? unknown : CheckedDefinition<D>>,
): D {
  return definition;
}

import type { ResolvedConfig } from '../define/schema/config.js';
import type { Definition } from '../define/schema/definition.js';
import { mappingToArgs } from '../incident/command-flags.js';
import { escapeForResolveString } from './elastalert-argument.js';
import { incidentMappingOf } from './incident-mapping.js';

/**
 * The `command:` list of a rule: the runtime program and constant flags only, each escaped for
 * ElastAlert's two formatting passes. Per-match values are rendered by the runtime from stdin.
 */
export function commandOf(def: Definition, runtime: ResolvedConfig['runtime']): string[] {
  const argv = [runtime.node, runtime.script, ...runtime.args, ...mappingToArgs(incidentMappingOf(def))];
  return argv.map(escapeForResolveString);
}

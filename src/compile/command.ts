import type { ResolvedConfig } from '../define/schema/config.js';
import type { Definition } from '../define/schema/definition.js';
import { MAPPING_FLAGS, mappingToArgs } from '../incident/command-flags.js';
import { escapeForResolveString } from './elastalert-argument.js';
import { incidentMappingOf } from './incident-mapping.js';

/** One argument of the command as the runtime receives it, and the setting it comes from. */
export interface CommandArgument {
  text: string;
  /** `xsoar.details`, `description`, `runtime.script (alertsmith.config.ts)`, ... */
  field: string;
}

/**
 * The `command:` list of a rule: the runtime program and constant flags only, each escaped for
 * ElastAlert's two formatting passes. Per-match values are rendered by the runtime from stdin.
 */
export function commandOf(def: Definition, runtime: ResolvedConfig['runtime']): string[] {
  return commandArguments(def, runtime).map((a) => escapeForResolveString(a.text));
}

/** The command's arguments as ElastAlert executes them (after its formatting passes), each with its source. */
export function commandArguments(def: Definition, runtime: ResolvedConfig['runtime']): CommandArgument[] {
  const config = (name: string): string => `runtime.${name} (alertsmith.config.ts)`;
  return [
    ...('executable' in runtime
      ? [{ text: runtime.executable, field: config('executable') }]
      : [
          { text: runtime.node, field: config('node') },
          { text: runtime.script, field: config('script') },
        ]),
    ...runtime.args.map((text, i) => ({ text, field: config(`args[${i}]`) })),
    ...mappingToArgs(incidentMappingOf(def)).map((text) => ({ text, field: fieldOfFlag(text, def) })),
  ];
}

/** The definition property a mapping flag is written from. */
function fieldOfFlag(argument: string, def: Definition): string {
  const flag = argument.split('=', 1)[0];
  switch (flag) {
    case MAPPING_FLAGS.rule:
      return 'id';
    case MAPPING_FLAGS.name:
      return def.xsoar.name !== undefined ? 'xsoar.name' : 'name';
    case MAPPING_FLAGS.details:
      return def.xsoar.details !== undefined ? 'xsoar.details' : 'description';
    case MAPPING_FLAGS.customField:
      return `xsoar.customFields.${argument.slice(flag.length + 1).split('=', 1)[0]}`;
    case MAPPING_FLAGS.customFieldType:
      return `xsoar.customFieldTypes.${argument.slice(flag.length + 1).split('=', 1)[0]}`;
    case MAPPING_FLAGS.timestampField:
      return 'timestamp_field';
    case MAPPING_FLAGS.playbookId:
      return 'xsoar.playbookId';
    case MAPPING_FLAGS.incidentPer:
      return 'xsoar.incidentPer';
    case MAPPING_FLAGS.createInvestigation:
      return 'xsoar.createInvestigation';
    default:
      // --type, --severity, --labels, --owner: the xsoar property of the same name.
      return `xsoar.${flag!.slice(2)}`;
  }
}

// `alertsmith/testing`: compile a definition in memory, for authors' own tests and snapshots.
import { synthRule } from './compile/synth.js';
import { compileRule, type RuleObject } from './compile/rule-object.js';
import { configSchema, type ConfigInput } from './define/schema/config.js';
import type { DefinitionInput } from './define/schema/definition.js';
import { validateDefinition } from './define/validate-definition.js';

/** A definition as `alertsmith build` validated it (durations as mappings, defaults filled in). */
export type { Definition } from './define/schema/definition.js';

function validOrThrow(definition: DefinitionInput, config: ConfigInput) {
  const resolved = configSchema.parse(config);
  const result = validateDefinition(definition, (definition as { id?: unknown }).id as string, resolved);
  if (!result.ok) {
    throw new Error(`invalid definition:\n${result.issues.map((i) => `  ${i.message}${i.fix ? ` (fix: ${i.fix})` : ''}`).join('\n')}`);
  }
  return { definition: result.definition, config: resolved };
}

/**
 * The YAML `alertsmith build` writes for a definition, e.g. for `expect(synth(def)).toMatchSnapshot()`.
 * Throws with every issue when the definition is invalid.
 * @param config the same shape as alertsmith.config.ts. @default {}
 */
export function synth(definition: DefinitionInput, config: ConfigInput = {}, sourcePath = `definitions/${String(definition.id)}.ts`): string {
  const v = validOrThrow(definition, config);
  return synthRule(v.definition, v.config, sourcePath);
}

/** The ElastAlert rule object for a definition, before it becomes YAML. */
export function compile(definition: DefinitionInput, config: ConfigInput = {}): RuleObject {
  const v = validOrThrow(definition, config);
  return compileRule(v.definition, v.config);
}

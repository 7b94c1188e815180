import type { ResolvedConfig } from '../define/schema/config.js';
import type { Definition } from '../define/schema/definition.js';
import { generatedHeader } from './generated-header.js';
import { compileRule } from './rule-object.js';
import { ruleToYaml } from './rule-yaml.js';

/** A validated definition as the text of its generated rule file. Pure. */
export function synthRule(definition: Definition, config: ResolvedConfig, sourcePath: string): string {
  return ruleToYaml(compileRule(definition, config), generatedHeader(sourcePath));
}

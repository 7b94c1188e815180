import type { LintRule } from '../lint-rule.js';
import { propertyAt } from '../static-value.js';

/**
 * With offline ATT&CK data (the config's `attackData`), a technique id ATT&CK does not have, or
 * has revoked or deprecated, maps the detection to nothing: the Navigator layer and the catalog
 * would show coverage that is not there. Without the data the rule stays silent.
 */
export const attackTechniqueUnknown: LintRule = {
  id: 'attack-technique-unknown',
  level: 'warning',
  doc: 'A technique id in attack.techniques that ATT&CK does not have, or has revoked or deprecated (needs attackData in the config).',
  checkDefinition({ source, attack, report }) {
    if (!attack || !source.definition) return;
    const techniques = propertyAt(source.definition, ['attack', 'techniques'])?.value;
    if (techniques?.kind !== 'array') return;
    const release = attack.version !== undefined ? `ATT&CK ${attack.version}` : 'the ATT&CK data';
    for (const item of techniques.items) {
      if (item.kind !== 'string') continue;
      const known = attack.techniques.get(item.value);
      if (known && !known.retired) continue;
      if (known) {
        report({
          target: item.node,
          message: `${item.value} (${known.name}) is revoked or deprecated in ${release}`,
          fix: `map the detection to the technique that replaces it (see ${item.value} on the ATT&CK site)`,
        });
        continue;
      }
      const parent = attack.techniques.get(item.value.split('.')[0]!);
      report({
        target: item.node,
        message: `${item.value} is not a technique in ${release}`,
        fix: parent && item.value.includes('.')
          ? `${parent.id} (${parent.name}) exists: name it, or one of its sub-techniques that ${release} has`
          : 'check the id against the ATT&CK matrix (Enterprise); a typo maps the detection to nothing',
      });
    }
  },
};

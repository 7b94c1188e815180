import { ATTACK_TACTICS, ATTACK_TECHNIQUE_PATTERN } from '../../define/schema/attack.js';
import { didYouMean } from '../did-you-mean.js';
import type { LintRule } from '../lint-rule.js';
import { propertyAt, stringOrList } from '../static-value.js';

export const attackMetadata: LintRule = {
  id: 'attack-metadata',
  level: 'error',
  doc: 'ATT&CK technique ids look like T1110 or T1110.001, and tactics are known short names such as credential-access.',
  checkDefinition({ source, report }) {
    if (!source.definition) return;
    const techniques = propertyAt(source.definition, ['attack', 'techniques'])?.value;
    for (const t of techniques ? stringOrList(techniques) : []) {
      if (ATTACK_TECHNIQUE_PATTERN.test(t.value)) continue;
      const normalised = t.value.trim().toUpperCase();
      report({
        target: t.node,
        message: `"${t.value}" is not an ATT&CK technique id (T1234 or T1234.001)`,
        fix: ATTACK_TECHNIQUE_PATTERN.test(normalised) ? `write "${normalised}"` : 'write the id as shown on attack.mitre.org, e.g. T1110.001',
      });
    }
    const tactics = propertyAt(source.definition, ['attack', 'tactics'])?.value;
    for (const t of tactics ? stringOrList(tactics) : []) {
      if ((ATTACK_TACTICS as readonly string[]).includes(t.value)) continue;
      // Authors often write the display name ("Credential Access") instead of the short name.
      const kebab = t.value.trim().toLowerCase().replace(/[\s_]+/g, '-');
      const suggestion = (ATTACK_TACTICS as readonly string[]).includes(kebab) ? kebab : didYouMean(kebab, ATTACK_TACTICS);
      report({
        target: t.node,
        message: `"${t.value}" is not an ATT&CK tactic${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
        fix: suggestion ? `write "${suggestion}"` : `use one of ${ATTACK_TACTICS.join(', ')}`,
      });
    }
  },
};

import { AlertsmithError, EXIT } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { FindingLevel } from './finding.js';

/** A rule's level as the config sets it. */
export type RuleSetting = FindingLevel | 'off';

/**
 * Each rule's effective setting: the config's `check.rules` entry, else undefined (the rule's own
 * level, which a finding may refine). An id the config names that no rule has is a usage error:
 * a misspelled `'off'` would otherwise silently turn nothing off.
 */
export function resolveRuleSettings(
  rules: readonly { id: string; required?: boolean }[],
  configured: Readonly<Record<string, RuleSetting>>,
): Map<string, RuleSetting | undefined> {
  const ids = rules.map((r) => r.id);
  for (const id of Object.keys(configured)) {
    if (rules.some((r) => r.id === id && r.required)) {
      throw new AlertsmithError(
        'ALERTSMITH_CHECK_REQUIRED_RULE',
        `check.rules sets "${id}", which cannot be changed: build cannot write a definition that fails it`,
        EXIT.usage,
      );
    }
    if (ids.includes(id)) continue;
    const suggestion = didYouMean(id, ids);
    throw new AlertsmithError(
      'ALERTSMITH_CHECK_UNKNOWN_RULE',
      `check.rules names "${id}", which is not a rule${suggestion ? `: did you mean "${suggestion}"?` : ''} (rules: ${ids.join(', ')})`,
      EXIT.usage,
    );
  }
  return new Map(rules.map((r) => [r.id, configured[r.id]]));
}

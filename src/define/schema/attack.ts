import { z } from 'zod';

/** The MITRE ATT&CK Enterprise tactics, by their short names. */
export const ATTACK_TACTICS = [
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
] as const;

export const ATTACK_TECHNIQUE_PATTERN = /^T\d{4}(\.\d{3})?$/;

/** Optional MITRE ATT&CK metadata of a detection. */
export const attackSchema = z.strictObject({
  /** Tactics, by short name, e.g. `'credential-access'`. */
  tactics: z.array(z.enum(ATTACK_TACTICS)).optional(),
  /** Technique ids, `T1234` or `T1234.001`. */
  techniques: z
    .array(z.string().regex(ATTACK_TECHNIQUE_PATTERN, 'an ATT&CK technique id looks like T1110 or T1110.001'))
    .optional(),
});

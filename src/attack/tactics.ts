import { ATTACK_TACTICS } from '../define/schema/attack.js';

export type AttackTactic = (typeof ATTACK_TACTICS)[number];

/** Each Enterprise tactic's ATT&CK id, in the matrix's column order (ATTACK_TACTICS). */
const TACTIC_IDS: Record<AttackTactic, string> = {
  reconnaissance: 'TA0043',
  'resource-development': 'TA0042',
  'initial-access': 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  'privilege-escalation': 'TA0004',
  'defense-evasion': 'TA0005',
  'credential-access': 'TA0006',
  discovery: 'TA0007',
  'lateral-movement': 'TA0008',
  collection: 'TA0009',
  'command-and-control': 'TA0011',
  exfiltration: 'TA0010',
  impact: 'TA0040',
};

/** `command-and-control` -> `Command and Control`, as ATT&CK titles its tactics. */
export function tacticTitle(tactic: AttackTactic): string {
  return tactic
    .split('-')
    .map((word, i) => (i > 0 && word === 'and' ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join(' ');
}

export function tacticId(tactic: AttackTactic): string {
  return TACTIC_IDS[tactic];
}

export function isAttackTactic(name: string): name is AttackTactic {
  return (ATTACK_TACTICS as readonly string[]).includes(name);
}

import { ATTACK_TACTICS, ATTACK_TECHNIQUE_PATTERN } from '../../define/schema/attack.js';
import { isRecord } from '../../incident/field-lookup.js';

/** What a Sigma rule says about itself that an ElastAlert rule converted by pySigma lost. */
export interface SigmaMetadata {
  attack?: { tactics?: string[]; techniques?: string[] };
  /** Sigma tags that are not ATT&CK tactics or techniques (`cve.2021-44228`, `attack.g0032`). */
  tags?: string[];
  /** Sigma's `level`, which is also an XSOAR severity name. */
  severity?: string;
}

const LEVELS = new Set(['informational', 'low', 'medium', 'high', 'critical']);

/**
 * A Sigma rule's title and metadata: `tags: [attack.execution, attack.t1059.001]` -> ATT&CK
 * tactics and techniques, `level` -> severity. pySigma writes the title as the ElastAlert rule's
 * `name`, which is how the importer finds the source rule. Undefined for a file that is not a
 * Sigma rule.
 */
export function sigmaMetadata(rule: unknown): { title: string; metadata: SigmaMetadata } | undefined {
  if (!isRecord(rule) || typeof rule.title !== 'string' || (!isRecord(rule.detection) && !isRecord(rule.correlation))) return undefined;
  const tactics: string[] = [];
  const techniques: string[] = [];
  const tags: string[] = [];
  for (const tag of Array.isArray(rule.tags) ? rule.tags : []) {
    if (typeof tag !== 'string') continue;
    const attack = /^attack\.(.+)$/i.exec(tag)?.[1];
    const tactic = attack?.toLowerCase().replace(/_/g, '-');
    const technique = attack?.toUpperCase();
    if (tactic !== undefined && (ATTACK_TACTICS as readonly string[]).includes(tactic)) pushOnce(tactics, tactic);
    else if (technique !== undefined && ATTACK_TECHNIQUE_PATTERN.test(technique)) pushOnce(techniques, technique);
    else pushOnce(tags, tag);
  }
  const metadata: SigmaMetadata = {};
  if (tactics.length > 0 || techniques.length > 0) {
    metadata.attack = {};
    if (tactics.length > 0) metadata.attack.tactics = tactics;
    if (techniques.length > 0) metadata.attack.techniques = techniques;
  }
  if (tags.length > 0) metadata.tags = tags;
  if (typeof rule.level === 'string' && LEVELS.has(rule.level)) metadata.severity = rule.level;
  return { title: rule.title, metadata };
}

function pushOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

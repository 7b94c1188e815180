import { isRecord } from '../incident/field-lookup.js';
import { isAttackTactic, type AttackTactic } from './tactics.js';

/** One Enterprise ATT&CK technique or sub-technique, as the offline data describes it. */
export interface AttackTechnique {
  id: string;
  name: string;
  /** The tactics it belongs to, by short name. */
  tactics: AttackTactic[];
  /** Revoked or deprecated: still an ATT&CK id, but no longer one to map to. */
  retired: boolean;
}

/** What alertsmith knows of ATT&CK when offline data is given: every technique, by id. */
export interface AttackData {
  /** The ATT&CK release, e.g. `18.1`, when the bundle names it. */
  version?: string;
  techniques: ReadonlyMap<string, AttackTechnique>;
}

/**
 * Reads an Enterprise ATT&CK STIX bundle (`enterprise-attack.json` as MITRE publishes it, STIX
 * 2.0 or 2.1): its `attack-pattern` objects become techniques. Pure; throws a plain Error naming
 * what is wrong with the shape, for the caller to report.
 */
export function parseAttackBundle(bundle: unknown): AttackData {
  if (!isRecord(bundle) || bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    throw new Error('it is not a STIX bundle (an object with type "bundle" and an objects array)');
  }
  const techniques = new Map<string, AttackTechnique>();
  let version: string | undefined;
  for (const object of bundle.objects) {
    if (!isRecord(object)) continue;
    if (object.type === 'x-mitre-collection' && typeof object.x_mitre_version === 'string') version = object.x_mitre_version;
    if (object.type !== 'attack-pattern') continue;
    const id = mitreId(object);
    if (id === undefined || typeof object.name !== 'string') continue;
    const technique: AttackTechnique = {
      id,
      name: object.name,
      tactics: tacticsOf(object),
      retired: object.revoked === true || object.x_mitre_deprecated === true,
    };
    // A revoked copy never hides the current one of the same id.
    const known = techniques.get(id);
    if (!known || (known.retired && !technique.retired)) techniques.set(id, technique);
  }
  if (techniques.size === 0) throw new Error('it holds no ATT&CK technique (no attack-pattern with a mitre-attack external id)');
  return version !== undefined ? { version, techniques } : { techniques };
}

function mitreId(object: Record<string, unknown>): string | undefined {
  if (!Array.isArray(object.external_references)) return undefined;
  for (const ref of object.external_references) {
    if (isRecord(ref) && ref.source_name === 'mitre-attack' && typeof ref.external_id === 'string') return ref.external_id;
  }
  return undefined;
}

function tacticsOf(object: Record<string, unknown>): AttackTactic[] {
  if (!Array.isArray(object.kill_chain_phases)) return [];
  const tactics: AttackTactic[] = [];
  for (const phase of object.kill_chain_phases) {
    if (isRecord(phase) && phase.kill_chain_name === 'mitre-attack' && typeof phase.phase_name === 'string' && isAttackTactic(phase.phase_name)) {
      tactics.push(phase.phase_name);
    }
  }
  return tactics;
}

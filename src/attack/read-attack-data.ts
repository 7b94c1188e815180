import { readFile } from 'node:fs/promises';
import { displayPath } from '../check/display-path.js';
import { AlertsmithError } from '../errors.js';
import { parseAttackBundle, type AttackData } from './attack-data.js';

/**
 * Reads the offline ATT&CK data the config or a flag names: MITRE's `enterprise-attack.json`
 * STIX bundle, saved locally. Throws `ALERTSMITH_ATTACK_DATA` (exit 2) for a missing or
 * malformed file.
 */
export async function readAttackData(file: string, cwd: string): Promise<AttackData> {
  const shown = displayPath(cwd, file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AlertsmithError('ALERTSMITH_ATTACK_DATA', `ATT&CK data file ${shown} cannot be read`);
  }
  try {
    return parseAttackBundle(JSON.parse(text));
  } catch (e) {
    throw new AlertsmithError('ALERTSMITH_ATTACK_DATA', `ATT&CK data file ${shown} is not usable: ${(e as Error).message}`);
  }
}

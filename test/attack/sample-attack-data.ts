import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAttackBundle, type AttackData } from '../../src/attack/attack-data.js';

/** A small hand-made Enterprise ATT&CK STIX bundle: seven techniques (one revoked), release 18.1. */
export const SAMPLE_BUNDLE = fileURLToPath(new URL('./fixtures/enterprise-attack-sample.json', import.meta.url));

export function sampleAttackData(): AttackData {
  return parseAttackBundle(JSON.parse(readFileSync(SAMPLE_BUNDLE, 'utf8')));
}

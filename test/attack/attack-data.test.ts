import { describe, expect, it } from 'vitest';
import { parseAttackBundle } from '../../src/attack/attack-data.js';
import { readAttackData } from '../../src/attack/read-attack-data.js';
import { tacticTitle, tacticId } from '../../src/attack/tactics.js';
import { sampleAttackData } from './sample-attack-data.js';

describe('reading an Enterprise ATT&CK STIX bundle', () => {
  const data = sampleAttackData();

  it('keeps each attack-pattern by its ATT&CK id, with its name and tactics, and the release', () => {
    expect(data.version).toBe('18.1');
    expect(data.techniques.get('T1098')).toEqual({ id: 'T1098', name: 'Account Manipulation', tactics: ['persistence', 'privilege-escalation'], retired: false });
    expect(data.techniques.get('T1110.001')?.name).toBe('Password Guessing');
    expect(data.techniques.has('G0001')).toBe(false);
  });

  it('marks revoked and deprecated techniques as retired', () => {
    expect(data.techniques.get('T1086')?.retired).toBe(true);
    const deprecated = parseAttackBundle({ type: 'bundle', objects: [{ type: 'attack-pattern', name: 'Old', x_mitre_deprecated: true, external_references: [{ source_name: 'mitre-attack', external_id: 'T9000' }] }] });
    expect(deprecated.techniques.get('T9000')).toEqual({ id: 'T9000', name: 'Old', tactics: [], retired: true });
  });

  it('keeps the current technique when a revoked copy of the same id follows it', () => {
    const ref = [{ source_name: 'mitre-attack', external_id: 'T1' }];
    const bundle = { type: 'bundle', objects: [{ type: 'attack-pattern', name: 'Now', external_references: ref }, { type: 'attack-pattern', name: 'Then', revoked: true, external_references: ref }] };
    expect(parseAttackBundle(bundle).techniques.get('T1')?.name).toBe('Now');
  });

  it('refuses what is not a bundle, or a bundle without techniques', () => {
    expect(() => parseAttackBundle([])).toThrow(/not a STIX bundle/);
    expect(() => parseAttackBundle({ type: 'bundle', objects: [{ type: 'malware' }] })).toThrow(/no ATT&CK technique/);
  });

  it('reports an unreadable or malformed file as one ALERTSMITH_ATTACK_DATA error', async () => {
    await expect(readAttackData('/nonexistent/enterprise-attack.json', '/')).rejects.toMatchObject({ code: 'ALERTSMITH_ATTACK_DATA', message: expect.stringContaining('cannot be read') });
    await expect(readAttackData(new URL('./attack-data.test.ts', import.meta.url).pathname, '/')).rejects.toMatchObject({ code: 'ALERTSMITH_ATTACK_DATA', message: expect.stringContaining('is not usable') });
  });
});

describe('tactic names', () => {
  it('titles tactics as ATT&CK does, with their ids', () => {
    expect(tacticTitle('command-and-control')).toBe('Command and Control');
    expect(tacticTitle('privilege-escalation')).toBe('Privilege Escalation');
    expect(tacticId('command-and-control')).toBe('TA0011');
  });
});

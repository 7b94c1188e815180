import { describe, expect, it } from 'vitest';
import { LAYER_FORMAT_VERSION, navigatorLayer } from '../../../src/commands/report/navigator-layer.js';
import { sampleAttackData } from '../../attack/sample-attack-data.js';
import { definition } from './report-definitions.js';

describe('the ATT&CK Navigator layer', () => {
  const definitions = [
    definition('admin-added', { attack: { tactics: ['persistence', 'privilege-escalation'], techniques: ['T1098'] } }),
    definition('brute', { attack: { tactics: ['credential-access'], techniques: ['T1110'] } }),
    definition('ssh', { attack: { techniques: ['T1110'] } }),
    definition('loose', { attack: { techniques: ['T1046'] } }),
    definition('tactic-only', { attack: { tactics: ['discovery'] } }),
  ];

  it('is an enterprise-attack layer of format 4.5', () => {
    const layer = navigatorLayer(definitions, undefined);
    expect(layer).toMatchObject({ domain: 'enterprise-attack', versions: { layer: LAYER_FORMAT_VERSION } });
    expect(LAYER_FORMAT_VERSION).toBe('4.5');
    expect((layer.versions as Record<string, string>).attack).toBeUndefined();
  });

  it('has one entry per technique and named tactic, scored by detections, with their ids as the comment', () => {
    expect(navigatorLayer(definitions, undefined).techniques).toEqual([
      { techniqueID: 'T1046', score: 1, comment: 'loose', enabled: true },
      { techniqueID: 'T1098', tactic: 'persistence', score: 1, comment: 'admin-added', enabled: true },
      { techniqueID: 'T1098', tactic: 'privilege-escalation', score: 1, comment: 'admin-added', enabled: true },
      // ssh names no tactic: it covers T1110 wherever it is, so it counts in the credential-access entry.
      { techniqueID: 'T1110', tactic: 'credential-access', score: 2, comment: 'brute, ssh', enabled: true },
    ]);
  });

  it('with data: drops tactics ATT&CK does not list for the technique, and names the ATT&CK release', () => {
    const layer = navigatorLayer([definition('odd', { attack: { tactics: ['impact', 'persistence'], techniques: ['T1098'] } })], sampleAttackData());
    expect(layer.techniques).toEqual([{ techniqueID: 'T1098', tactic: 'persistence', score: 1, comment: 'odd', enabled: true }]);
    expect((layer.versions as Record<string, string>).attack).toBe('18');
  });

  it('spans its gradient from 0 to the highest score', () => {
    expect(navigatorLayer(definitions, undefined).gradient).toMatchObject({ minValue: 0, maxValue: 2 });
    expect(navigatorLayer([], undefined)).toMatchObject({ techniques: [], gradient: { minValue: 0, maxValue: 1 } });
  });
});

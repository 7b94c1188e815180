import { describe, expect, it } from 'vitest';
import { sigmaMetadata } from '../../../src/commands/import/sigma-metadata.js';

describe('sigmaMetadata', () => {
  it('turns ATT&CK tags into tactics and techniques, keeps other tags, and takes level as severity', () => {
    expect(
      sigmaMetadata({
        title: 'T',
        detection: { condition: 'x' },
        level: 'high',
        tags: ['attack.defense_evasion', 'attack.t1027', 'attack.T1059.001', 'attack.g0032', 'cve.2021-44228', 'attack.t1027'],
      }),
    ).toEqual({
      title: 'T',
      metadata: {
        attack: { tactics: ['defense-evasion'], techniques: ['T1027', 'T1059.001'] },
        tags: ['attack.g0032', 'cve.2021-44228'],
        severity: 'high',
      },
    });
  });

  it('reads correlation rules, and nothing from what is not a Sigma rule', () => {
    expect(sigmaMetadata({ title: 'C', correlation: { type: 'event_count' }, level: 'bogus' })).toEqual({ title: 'C', metadata: {} });
    expect(sigmaMetadata({ name: 'an ElastAlert rule', type: 'any' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { computeCoverage, placementsOf } from '../../../src/commands/report/coverage.js';
import { sampleAttackData } from '../../attack/sample-attack-data.js';
import { definition } from './report-definitions.js';

const data = sampleAttackData();

describe('where a detection puts its techniques', () => {
  it('under the tactics it names, without data', () => {
    const d = definition('a', { attack: { tactics: ['persistence', 'discovery'], techniques: ['T1098'] } });
    expect(placementsOf(d, undefined)).toEqual([{ technique: 'T1098', tactics: ['persistence', 'discovery'] }]);
  });

  it('under the named tactics ATT&CK lists for the technique, with data', () => {
    const d = definition('a', { attack: { tactics: ['persistence', 'discovery'], techniques: ['T1098', 'T9999'] } });
    expect(placementsOf(d, data)).toEqual([
      { technique: 'T1098', tactics: ['persistence'] },
      { technique: 'T9999', tactics: ['persistence', 'discovery'] },
    ]);
  });
});

describe('the coverage heatmap', () => {
  const definitions = [
    definition('brute', { attack: { tactics: ['credential-access'], techniques: ['T1110'] } }),
    definition('ssh', { attack: { tactics: ['credential-access'], techniques: ['T1110.001', 'T1110'] } }),
    definition('ata', { attack: { tactics: ['lateral-movement'] } }),
    definition('loose', { attack: { techniques: ['T1098', 'T4242'] } }),
    definition('none'),
  ];

  it('has every tactic in matrix order, cells scored by detections, and a column for techniques without a tactic', () => {
    const coverage = computeCoverage(definitions, undefined);
    expect(coverage.columns.map((c) => c.tactic ?? 'none')).toEqual([
      'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion',
      'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact', 'none',
    ]);
    const credential = coverage.columns.find((c) => c.tactic === 'credential-access')!;
    expect(credential.cells).toEqual([{ technique: 'T1110', detections: ['brute', 'ssh'] }, { technique: 'T1110.001', detections: ['ssh'] }]);
    expect(credential.detections).toEqual(['brute', 'ssh']);
    expect(coverage.columns.find((c) => c.tactic === 'lateral-movement')!.cells).toEqual([{ detections: ['ata'] }]);
    expect(coverage.columns.at(-1)!.cells.map((c) => c.technique)).toEqual(['T1098', 'T4242']);
    expect(coverage.techniques).toEqual(['T1098', 'T1110', 'T1110.001', 'T4242']);
    expect(coverage.maxScore).toBe(2);
  });

  it('with data: names techniques, places them under ATT&CK tactics, and lists uncovered ones at score 0', () => {
    const coverage = computeCoverage(definitions, data);
    const persistence = coverage.columns.find((c) => c.tactic === 'persistence')!;
    expect(persistence.cells).toEqual([
      { technique: 'T1078', name: 'Valid Accounts', detections: [] },
      { technique: 'T1098', name: 'Account Manipulation', detections: ['loose'] },
    ]);
    // Revoked techniques and sub-techniques nothing covers are left out.
    expect(coverage.columns.find((c) => c.tactic === 'execution')!.cells.map((c) => c.technique)).toEqual(['T1059']);
    expect(coverage.columns.at(-1)!.cells.map((c) => c.technique)).toEqual(['T4242']);
  });

  it('does not change with the order of the definitions', () => {
    expect(computeCoverage([...definitions].reverse(), data)).toEqual(computeCoverage(definitions, data));
  });
});

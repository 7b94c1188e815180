import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/commands/report/coverage.js';
import { detectionRecord, type DetectionRecord } from '../../../src/commands/report/detection-record.js';
import { summaryMarkdown } from '../../../src/commands/report/summary-markdown.js';
import type { TestVerdict } from '../../../src/commands/report/test-results.js';
import type { Definition } from '../../../src/define/schema/definition.js';
import { definition } from './report-definitions.js';

const fires = { name: 'fires', events: [{ '@timestamp': '2026-01-01T00:00:00Z' }], expect: { alerts: 1 } };

function records(definitions: Definition[], verdicts?: Map<string, TestVerdict>): DetectionRecord[] {
  return definitions.map((d) => detectionRecord({ definition: d, file: `definitions/${d.id}.ts`, ruleYaml: '', verdict: verdicts?.get(d.id), elastalert: '2', engine: 'elasticsearch' }));
}

describe('the markdown summary', () => {
  const definitions = [
    definition('brute', { attack: { tactics: ['credential-access'], techniques: ['T1110'] }, tests: [fires] }),
    definition('ata', { name: 'ATA | *alerts*', attack: { tactics: ['credential-access', 'lateral-movement'] } }),
    definition('silent', { tests: [fires] }),
  ];
  const coverage = computeCoverage(definitions, undefined);

  it('counts detections and techniques by tactic, every tactic listed', () => {
    const text = summaryMarkdown({ records: records(definitions), coverage, testsRead: false });
    expect(text).toContain('3 detections, 1 ATT&CK technique, 2 of 14 tactics covered.');
    expect(text).toContain('| Credential Access (TA0006) | 2 | 1 |');
    expect(text).toContain('| Lateral Movement (TA0008) | 1 | 0 |');
    expect(text).toContain('| Impact (TA0040) | 0 | 0 |');
    expect(text).not.toContain('## Test results');
    expect(text).not.toContain('## Changes against the base');
  });

  it('lists detections without tests and without ATT&CK mapping, escaping markdown in names', () => {
    const text = summaryMarkdown({ records: records(definitions), coverage, testsRead: false });
    expect(text).toContain('## Detections without tests (1)\n\n- `ata` ATA \\| \\*alerts\\* (`definitions/ata.ts`)\n');
    expect(text).toContain('## Detections without ATT&CK mapping (1)\n\n- `silent` Detection silent (`definitions/silent.ts`)\n');
  });

  it('names failing detections and those missing from the test results', () => {
    const verdicts = new Map<string, TestVerdict>([
      ['brute', { status: 'failed', passed: 0, total: 1 }],
      ['silent', { status: 'passed', passed: 1, total: 1 }],
    ]);
    const text = summaryMarkdown({ records: records(definitions, verdicts), coverage, testsRead: true });
    expect(text).toContain('1 detection passed, 1 failed, 1 not in the test results.\n\n- `brute`: 0 of 1 passed\n- `ata`: not in the test results\n');
  });

  it('lists new and removed detections against the base', () => {
    const text = summaryMarkdown({ records: records(definitions), coverage, testsRead: false, baseIds: ['brute', 'old-one'] });
    expect(text).toContain('New (2):\n\n- `ata`');
    expect(text).toContain('- `silent` Detection silent');
    expect(text).toContain('Removed (1):\n\n- `old-one`\n');
    const same = summaryMarkdown({ records: records(definitions), coverage, testsRead: false, baseIds: ['ata', 'brute', 'silent'] });
    expect(same).toContain('No detection added or removed.');
  });

  it('fences an id holding backticks so the code span stays whole', () => {
    const [r] = records([definition('x')]);
    const text = summaryMarkdown({ records: [{ ...r!, id: 'a`b' }], coverage: computeCoverage([], undefined), testsRead: false });
    expect(text).toContain('- `` a`b `` Detection x');
  });
});

import { describe, expect, it } from 'vitest';
import { formatFindings } from '../../src/check/run-check.js';
import type { Finding } from '../../src/check/finding.js';
import { CHECK_RULES } from '../../src/check/rules/all-rules.js';
import { FIXTURES } from './fixture-helpers.js';

const cwd = FIXTURES + 'unknown-field';
const findings: Finding[] = [
  {
    ruleId: 'unknown-field',
    level: 'error',
    message: 'unknown field "event.outcom" in the query: did you mean "event.outcome"?',
    fix: 'write "event.outcome", or declare "event.outcom" in eventFields',
    file: `${cwd}/typos.ts`,
    line: 6,
    column: 45,
    endLine: 6,
    endColumn: 57,
  },
  {
    ruleId: 'realert-flood',
    level: 'warning',
    message: 'realert is 0, 100% sure: a flood',
    file: `${cwd}/typos.ts`,
    line: 7,
    column: 14,
  },
];

describe('pretty format', () => {
  it('prints file:line:col, level, message and rule, a code frame underlining the finding, the fix and a summary', async () => {
    const text = await formatFindings(findings, 'pretty', cwd, false);
    expect(text).toContain('typos.ts:6:45  error  unknown field "event.outcom" in the query: did you mean "event.outcome"?  unknown-field');
    expect(text).toContain("> 6 |   query: 'event.category:authentication AND event.outcom:failure',");
    expect(text).toContain(`    | ${' '.repeat(44)}${'^'.repeat(12)}\n`);
    expect(text).toContain('  fix: write "event.outcome", or declare "event.outcom" in eventFields');
    expect(text.trimEnd().split('\n').pop()).toBe('1 error, 1 warning');
    expect(text).not.toContain('\u001b[');
  });

  it('colours only when asked (on a terminal)', async () => {
    expect(await formatFindings(findings, 'pretty', cwd, true)).toContain('\u001b[31merror\u001b[0m');
  });

  it('says so when there is nothing to report', async () => {
    expect(await formatFindings([], 'pretty', cwd)).toBe('no problems found\n');
  });
});

describe('json format', () => {
  it('is one document with relative paths, the findings and the counts', async () => {
    const parsed = JSON.parse(await formatFindings(findings, 'json', cwd));
    expect(parsed.errorCount).toBe(1);
    expect(parsed.warningCount).toBe(1);
    expect(parsed.findings[0]).toEqual({ ...findings[0], file: 'typos.ts' });
    expect(Object.keys(parsed.findings[1])).toEqual(['ruleId', 'level', 'message', 'file', 'line', 'column']);
  });
});

describe('github format', () => {
  it('writes one workflow command per finding, escaping % and newlines', async () => {
    expect((await formatFindings(findings, 'github', cwd)).split('\n')).toEqual([
      '::error file=typos.ts,line=6,col=45,endLine=6,endColumn=57,title=alertsmith unknown-field::unknown field "event.outcom" in the query: did you mean "event.outcome"?%0Afix: write "event.outcome", or declare "event.outcom" in eventFields',
      '::warning file=typos.ts,line=7,col=14,title=alertsmith realert-flood::realert is 0, 100%25 sure: a flood',
      '',
    ]);
  });
});

const log = JSON.parse(await formatFindings(findings, 'sarif', cwd));

describe('sarif format', () => {
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log describing every rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(run.tool.driver.name).toBe('alertsmith');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...CHECK_RULES.map((r) => r.id), 'typescript']);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('gives each result its rule, level, message and region relative to the source root', () => {
    expect(run.results[0]).toEqual({
      ruleId: 'unknown-field',
      ruleIndex: CHECK_RULES.findIndex((r) => r.id === 'unknown-field'),
      level: 'error',
      message: { text: 'unknown field "event.outcom" in the query: did you mean "event.outcome"?. Fix: write "event.outcome", or declare "event.outcom" in eventFields' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'typos.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 6, startColumn: 45, endLine: 6, endColumn: 57 },
          },
        },
      ],
    });
    expect(run.results[1].level).toBe('warning');
  });
});

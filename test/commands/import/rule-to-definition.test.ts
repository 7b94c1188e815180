import { describe, expect, it } from 'vitest';
import { ruleToDefinition } from '../../../src/commands/import/rule-to-definition.js';
import { PythonTimestamp } from '../../../src/commands/import/pyyaml-read.js';

const base = { name: 'N', description: 'D', index: 'logs-*', type: 'any' };

describe('ruleToDefinition', () => {
  it('carries the first query_string clause as query, the others as filter, durations as text', () => {
    const result = ruleToDefinition(
      {
        ...base,
        type: 'frequency',
        num_events: 5,
        timeframe: { hours: 1, minutes: 30 },
        filter: [{ query: { query_string: { query: 'a:1' } } }, { query: { query_string: { query: 'b:2' } } }],
        aggregation: { seconds: 30 },
      },
      { id: 'n', xsoarType: 'T' },
    );
    expect(result).toMatchObject({
      ok: true,
      definition: { type: 'frequency', num_events: 5, timeframe: '1h30m', query: 'a:1', filter: [{ query: { query_string: { query: 'b:2' } } }], realert: '0m', aggregation: '30s' },
    });
  });

  it('keeps a query_string clause with options as a DSL clause', () => {
    const clause = { query: { query_string: { query: 'a:1', analyze_wildcard: true } } };
    const result = ruleToDefinition({ ...base, filter: [clause] }, { id: 'n', xsoarType: 'T' });
    expect(result).toMatchObject({ ok: true, definition: { filter: [clause] } });
    expect(result.ok && result.definition.query).toBeUndefined();
  });

  it('takes the severity from priority with --xsoar-type, and notes the alerters it replaces', () => {
    const result = ruleToDefinition({ ...base, priority: 4, alert: ['email', { slack: { slack_channel_override: '#x' } }], email: ['a@b'] }, { id: 'n', xsoarType: 'Phishing' });
    expect(result).toMatchObject({ ok: true, definition: { xsoar: { type: 'Phishing', severity: 'critical' } } });
    expect(result.notes.map((n) => n.message)).toEqual([
      'alerter email, slack is replaced by the XSOAR incident',
      'alerter and display options replaced by the XSOAR incident: email',
    ]);
  });

  it('writes no xsoar block without a command or --xsoar-type, and says so', () => {
    const result = ruleToDefinition(base, { id: 'n' });
    expect(result.ok && result.definition.xsoar).toBeUndefined();
    expect(result.notes.map((n) => n.option)).toEqual(['xsoar']);
  });

  it.each([
    [{ ...base, run_every: { minutes: 1 } }, 'no equivalent in alertsmith for run_every (a run interval of its own)'],
    [{ ...base, type: 'my_modules.Custom' }, /is not one of ElastAlert's rule types/],
    [{ ...base, description: new PythonTimestamp('2026-11-27', 'date') }, 'description is a date to PyYAML (2026-11-27), not text: quote it in the rule'],
    [{ ...base, realert: { microseconds: 5 } }, /realert has microseconds/],
    [{ ...base, aggregation: { schedule: '0 * * * *' } }, /aggregation has a schedule/],
    [{ ...base, name: 777 }, 'name is number 777 as PyYAML reads it, not text'],
  ])('does not import %j', (rule, reason) => {
    const result = ruleToDefinition(rule, { id: 'n', xsoarType: 'T' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

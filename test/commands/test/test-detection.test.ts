import { describe, expect, it } from 'vitest';
import { definitionSchema, type Definition } from '../../../src/define/schema/definition.js';
import { testDetection } from '../../../src/commands/test/test-detection.js';

function definition(extra: Record<string, unknown>): Definition {
  return {
    ...definitionSchema.parse({
      id: 'd',
      name: 'D',
      description: 'A detection.',
      index: 'logs-*',
      type: 'any',
      xsoar: { type: 'T', severity: 'low', name: 'Seen {{user.name}}' },
      ...extra,
    }),
    realert: { minutes: 0 },
    timestamp_field: '@timestamp',
  } as Definition;
}

describe('testing one detection', () => {
  it('fails a case whose query the evaluator refuses, with the reason, instead of passing it', () => {
    const r = testDetection({
      file: 'd.ts',
      definition: definition({
        filter: [{ nested: { path: 'x', query: { match_all: {} } } }],
        tests: [{ name: 'c', events: [{ '@timestamp': '2026-01-01T00:00:00Z' }], expect: { alerts: 0 } }],
      }),
    });
    expect(r.cases[0]!.passed).toBe(false);
    expect(r.cases[0]!.failures[0]).toContain('"nested"');
  });

  it('fails a case on which ElastAlert would disable the rule, naming the configured line', () => {
    const def = definition({
      type: 'blacklist',
      compare_key: 'event.category',
      blacklist: ['malware'],
      tests: [{ name: 'c', events: [{ '@timestamp': '2026-01-01T00:00:00Z', event: { category: ['malware', 'file'] } }], expect: { alerts: 1 } }],
    });
    const failure = (line?: '2' | '0.2') => testDetection({ file: 'd.ts', definition: def, ...(line ? { elastalert: line } : {}) }).cases[0]!.failures[0];
    expect(failure()).toMatch(/^ElastAlert 2 disables this rule: compare_key event.category holds an array .*\[ALERTSMITH_TEST_DISABLED\]$/);
    expect(failure('0.2')).toMatch(/^ElastAlert 0\.2\.4 disables this rule/);
  });

  it('evaluates date math against the case clock, not the wall clock', () => {
    const def = definition({
      query: '@timestamp:>=now-10m',
      tests: [
        { name: 'recent', events: [{ '@timestamp': '2026-01-01T00:55:00Z' }], now: '2026-01-01T01:00:00Z', expect: { alerts: 1 } },
        { name: 'old', events: [{ '@timestamp': '2026-01-01T00:40:00Z' }], now: '2026-01-01T01:00:00Z', expect: { alerts: 0 } },
      ],
    });
    expect(testDetection({ file: 'd.ts', definition: def }).cases.map((c) => c.passed)).toEqual([true, true]);
  });

  it('follows the configured engine where engines differ, and takes constant_keyword values from the case\'s index', () => {
    const def = definition({
      query: 'message:/Fail.*/ AND data_stream.type:logs',
      tests: [{
        name: 'c',
        history: [{ '@timestamp': '2026-01-01T00:00:00Z', data_stream: { type: 'logs' } }],
        events: [{ '@timestamp': '2026-01-01T00:00:01Z', message: 'Failed password' }],
        expect: { alerts: 1 },
      }],
    });
    expect(testDetection({ file: 'd.ts', definition: def, engine: 'opensearch' }).cases[0]!.passed).toBe(true);
    expect(testDetection({ file: 'd.ts', definition: def }).cases[0]!.failures).toEqual(['alerts: expected 1, got 0']);
  });

  it('previews the incident through the runtime mapping and reports missing template fields', () => {
    const def = definition({ tests: [{ name: 'c', events: [{ '@timestamp': '2026-01-01T00:00:00Z' }], expect: { incident: { name: 'Seen bob' } } }] });
    const c = testDetection({ file: 'd.ts', definition: def }).cases[0]!;
    expect(c.failures).toEqual(['incident.name: expected "Seen bob", got "Seen <missing user.name>"']);
    expect(c.incidents[0]!.missingFields).toEqual(['user.name']);
  });

  it('fails an event without a timestamp, naming the event', () => {
    const def = definition({ tests: [{ name: 'c', events: [{ '@timestamp': '2026-01-01T00:00:00Z' }, { user: { name: 'x' } }], expect: { alerts: 1 } }] });
    expect(testDetection({ file: 'd.ts', definition: def }).cases[0]!.failures[0]).toContain('event 2 has no ISO 8601 @timestamp');
  });

  it('asks for a firing and a quiet case under requireTests', () => {
    const def = definition({ tests: [{ name: 'c', events: [{ '@timestamp': '2026-01-01T00:00:00Z' }], expect: { alerts: 1 } }] });
    expect(testDetection({ file: 'd.ts', definition: def, requireTests: true }).problems).toEqual([
      '--require-tests: add a case that does not fire (expect alerts: 0) to tests',
    ]);
  });
});

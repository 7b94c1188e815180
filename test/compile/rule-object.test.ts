import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/compile/rule-object.js';
import { RULE_TYPE_NAMES } from '../../src/incident/match-fields.js';
import { EVERY_RULE_TYPE, testConfig, validated } from './fixtures.js';

describe('compileRule', () => {
  it('has a fixture for every rule type the schema knows', () => {
    expect(Object.keys(EVERY_RULE_TYPE).sort()).toEqual([...RULE_TYPE_NAMES].sort());
  });

  it.each(Object.entries(EVERY_RULE_TYPE))('compiles a %s rule with its options, an explicit realert and the command alert', (type, input) => {
    const rule = compileRule(validated(input), testConfig);
    expect(rule.type).toBe(type);
    for (const [key, value] of Object.entries(input)) {
      if (['id', 'xsoar', 'timeframe', 'terms_window_size'].includes(key)) continue;
      expect(rule[key], key).toEqual(value);
    }
    expect(rule.realert).toEqual({ minutes: 1 });
    expect(rule.alert).toEqual(['command']);
    expect(rule.pipe_match_json).toBe(true);
    expect(rule.fail_on_non_zero_exit).toBe(true);
    expect(Array.isArray(rule.command)).toBe(true);
  });

  it('writes durations in ElastAlert mapping form', () => {
    const rule = compileRule(validated({ ...EVERY_RULE_TYPE.frequency!, timeframe: '1h30m', realert: '0m', aggregation: { minutes: 10 } }), testConfig);
    expect(rule.timeframe).toEqual({ hours: 1, minutes: 30 });
    expect(rule.realert).toEqual({ minutes: 0 });
    expect(rule.aggregation).toEqual({ minutes: 10 });
  });

  it('puts identity keys first and the alert keys last, in a fixed order', () => {
    const rule = compileRule(validated({ ...EVERY_RULE_TYPE.frequency!, query: 'a:b' }), testConfig);
    expect(Object.keys(rule)).toEqual([
      'name', 'description', 'index', 'type', 'num_events', 'timeframe', 'timestamp_field', 'filter',
      'query_key', 'realert', 'alert', 'command', 'pipe_match_json', 'fail_on_non_zero_exit',
    ]);
  });

  it('ANDs the Lucene query and the DSL clauses in filter, the query first', () => {
    const rule = compileRule(validated({ ...EVERY_RULE_TYPE.any!, query: 'a:1', filter: [{ term: { b: 2 } }] }), testConfig);
    expect(rule.filter).toEqual([{ query: { query_string: { query: 'a:1' } } }, { term: { b: 2 } }]);
    const noQuery = compileRule(validated(EVERY_RULE_TYPE.any!), testConfig);
    expect(noQuery.filter).toBeUndefined();
  });

  it('puts only the runtime and constant flags in command, never a value from a match', () => {
    const rule = compileRule(
      validated({
        ...EVERY_RULE_TYPE.any!,
        xsoar: { type: 'T', severity: 'critical', name: '{{host.name}}', labels: ['host.name', 'user.name'], customFields: { scanip: '{{source.ip}}' }, playbookId: 'pb', owner: 'me', createInvestigation: true, incidentPer: 'alert' },
      }),
      { ...testConfig, runtime: { node: '/n', script: '/s.mjs', args: ['--config', '/etc/a.json'] } },
    );
    expect(rule.command).toEqual([
      '/n', '/s.mjs', '--config', '/etc/a.json', '--rule=any', '--name={{{{host.name}}}}', '--type=T', '--severity=4',
      '--details=D', '--labels=host.name,user.name', '--custom-field=scanip={{{{source.ip}}}}', '--playbook=pb', '--owner=me',
      '--create-investigation', '--incident-per=alert',
    ]);
  });
});

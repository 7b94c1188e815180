import { describe, expect, it } from 'vitest';
import { simulateCase } from '../../../src/commands/test/run-case.js';
import { validated } from '../../compile/fixtures.js';

const base = { name: 'N', description: 'D', index: 'logs-*', xsoar: { type: 'T', severity: 'low' }, realert: '0s' };

describe('simulateCase', () => {
  it("applies the list query ElastAlert's enhance_filter adds, so a whitelisted array never reaches the rule type", () => {
    const def = validated({ ...base, id: 'wl', type: 'whitelist', compare_key: 'event.category', whitelist: ['process'], ignore_null: true });
    const events = [
      { '@timestamp': '2026-01-01T10:00:00Z', event: { category: ['process', 'network'] } },
      { '@timestamp': '2026-01-01T10:01:00Z', event: { category: 'network' } },
    ];
    const { sim } = simulateCase(def, {}, events);
    expect(sim.alerts.map((a) => a[0]!._id)).toEqual(['event-2']);
    expect(() => simulateCase(def, {}, [...events, { '@timestamp': '2026-01-01T10:01:30Z', event: { category: ['network'] } }])).toThrow(
      /^ElastAlert 2 disables this rule: compare_key event.category holds an array/,
    );
  });

  it('numbers events by their place in the case, whether or not the query keeps them', () => {
    const def = validated({ ...base, id: 'bl', type: 'blacklist', compare_key: 'user.name', blacklist: ['root'] });
    const events = [
      { '@timestamp': '2026-01-01T10:00:00Z', user: { name: 'bob' } },
      { '@timestamp': '2026-01-01T10:01:00Z', user: { name: 'root' } },
    ];
    expect(simulateCase(def, {}, events).sim.matches.map((m) => m._id)).toEqual(['event-2']);
  });
});

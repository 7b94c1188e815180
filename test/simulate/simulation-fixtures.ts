import { simulateRule, type SimulationInput } from '../../src/simulate/simulate-rule.js';

/** The clock the simulation tests count minutes from. */
export const T0 = Date.parse('2026-01-01T10:00:00Z');

/** A hit `minute` minutes after T0, with more fields. */
export const at = (minute: number, extra: Record<string, unknown> = {}) => ({
  '@timestamp': new Date(T0 + minute * 60_000).toISOString().replace('.000Z', 'Z'),
  ...extra,
});

/** Simulates a rule (realert 0 unless given) over hits. */
export function run(rule: Record<string, unknown>, hits: Record<string, unknown>[], more: Partial<SimulationInput> = {}) {
  return simulateRule({
    rule: { timestamp_field: '@timestamp', realert: { minutes: 0 }, index: 'logs-*', ...rule } as unknown as SimulationInput['rule'],
    hits,
    ...more,
  });
}

import { describe, expect, it } from 'vitest';
import { fixtureFindings, lintFixtures, placeOf, placesOf } from './fixture-helpers.js';

describe('realert-flood', () => {
  it('warns about realert 0 without a query_key, not with one', async () => {
    const findings = await lintFixtures('realert-flood');
    expect(placesOf(findings, 'realert-flood')).toEqual([placeOf('realert-flood', 'flood.ts', "'0m'")]);
    expect(findings.find((f) => f.ruleId === 'realert-flood')!.level).toBe('warning');
  });

  it('warns about a realert of 0 that comes from the config defaults', async () => {
    const findings = await lintFixtures('realert-flood', { defaults: { realert: '0s' } });
    const fromConfig = findings.filter((f) => f.ruleId === 'realert-flood' && f.file.endsWith('default-realert.ts'));
    expect(fromConfig.map((f) => f.message)).toEqual([
      'realert is 0 (from the config defaults) and there is no query_key: every matching document opens its own incident',
    ]);
  });
});

describe('frequency-single-event', () => {
  it("suggests type 'any' for num_events: 1", async () => {
    const findings = await lintFixtures('frequency-single-event');
    expect(placesOf(findings, 'frequency-single-event')).toEqual([placeOf('frequency-single-event', 'one-event.ts', '1,')]);
  });
});

describe('rule levels from the config', () => {
  it('turns a rule off for every definition', async () => {
    const findings = await lintFixtures('realert-flood', { check: { rules: { 'realert-flood': 'off' } } });
    expect(placesOf(findings, 'realert-flood')).toEqual([]);
  });

  it('raises a warning rule to an error', async () => {
    const findings = await lintFixtures('realert-flood', { check: { rules: { 'realert-flood': 'error' } } });
    expect(findings.filter((f) => f.ruleId === 'realert-flood').map((f) => f.level)).toEqual(['error']);
  });

  it('refuses an unknown rule id with a suggestion', async () => {
    await expect(lintFixtures('realert-flood', { check: { rules: { 'realert-flod': 'off' } } })).rejects.toThrow(
      /check\.rules names "realert-flod", which is not a rule: did you mean "realert-flood"\?/,
    );
  });
});

describe('a clean definition', () => {
  it('has no findings', async () => {
    expect(await lintFixtures('clean')).toEqual([]);
  });
});


import { describe, expect, it } from 'vitest';
import { fixtureFindings, placeOf, placesOf } from './fixture-helpers.js';

describe('suppression comments', () => {
  const all = fixtureFindings('suppression');
  const rulesIn = (file: string) => all().filter((f) => f.file.endsWith(`/${file}`)).map((f) => f.ruleId);

  it('turn the named rules off for the whole definition below an alertsmith-disable-next-line comment', () => {
    // realert-flood and index-pattern would fire; the malformed technique id is a schema error,
    // which build refuses whatever the comments say, so no comment turns it off.
    expect(rulesIn('next-line.ts')).toEqual(['definition-schema']);
  });

  it('turn a rule off for just the property below the comment', () => {
    expect(placesOf(all(), 'unknown-field')).toEqual([placeOf('suppression', 'one-property.ts', "'host.nmae'")]);
  });

  it('turn a rule off for the whole file with a block alertsmith-disable comment', () => {
    expect(rulesIn('whole-file.ts')).toEqual([]);
  });

  it('warn about a rule id that does not exist, which turns nothing off, with the likely rule', () => {
    // The misspelled realert-flood still fires; index-pattern, spelled right, is off.
    expect(rulesIn('misspelled-rule.ts')).toEqual(['unknown-suppression', 'realert-flood']);
    const warning = all().find((f) => f.ruleId === 'unknown-suppression')!;
    expect(placesOf(all(), 'unknown-suppression')).toEqual([placeOf('suppression', 'misspelled-rule.ts', 'realert-flod')]);
    expect(warning).toMatchObject({
      level: 'warning',
      message: '"realert-flod" is not a lint rule, so this comment turns nothing off',
      fix: 'did you mean "realert-flood"?',
    });
  });
});

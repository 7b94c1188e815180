import { describe, expect, it } from 'vitest';
import { boolMatcher, resolveMinimumShouldMatch } from '../../src/query/bool-matcher.js';
import type { DocMatcher } from '../../src/query/field-conditions.js';

/** Clauses that test one flag of the document each. */
const flag = (name: string): DocMatcher => (doc) => doc[name] === true;
const doc = (...on: string[]) => Object.fromEntries(on.map((k) => [k, true]));
const none = { must: [], filter: [], should: [], mustNot: [] };

describe('resolveMinimumShouldMatch', () => {
  it('reads counts and percentages, negative ones counting back from the total, never below zero', () => {
    expect(resolveMinimumShouldMatch(undefined, 3)).toBeUndefined();
    expect(resolveMinimumShouldMatch(null, 3)).toBeUndefined();
    expect(resolveMinimumShouldMatch(2, 3)).toBe(2);
    expect(resolveMinimumShouldMatch(' 2 ', 3)).toBe(2);
    expect(resolveMinimumShouldMatch(-1, 3)).toBe(2);
    expect(resolveMinimumShouldMatch(-5, 3)).toBe(0);
    expect(resolveMinimumShouldMatch(5, 3)).toBe(5);
    expect(resolveMinimumShouldMatch('50%', 3)).toBe(1);
    expect(resolveMinimumShouldMatch('67%', 3)).toBe(2);
    expect(resolveMinimumShouldMatch('-25%', 4)).toBe(3);
    expect(resolveMinimumShouldMatch('-34%', 3)).toBe(2);
    expect(resolveMinimumShouldMatch('100%', 3)).toBe(3);
    expect(resolveMinimumShouldMatch('-100%', 3)).toBe(0);
  });

  it('answers NaN for the forms it does not evaluate', () => {
    for (const spec of ['3<90%', 'most', '1.5', '%', '50 %']) expect(resolveMinimumShouldMatch(spec, 3), spec).toBeNaN();
  });
});

describe('boolMatcher', () => {
  it('matches everything without clauses, whatever minimum_should_match says', () => {
    expect(boolMatcher({ ...none, minimumShouldMatch: 2 })(doc())).toBe(true);
  });

  it('requires every must and filter clause and refuses any must_not clause', () => {
    const m = boolMatcher({ ...none, must: [flag('a')], filter: [flag('b')], mustNot: [flag('c')] });
    expect(m(doc('a', 'b'))).toBe(true);
    expect(m(doc('a'))).toBe(false);
    expect(m(doc('b'))).toBe(false);
    expect(m(doc('a', 'b', 'c'))).toBe(false);
  });

  it('needs one should clause without a required one, even when minimum_should_match says 0', () => {
    const m = boolMatcher({ ...none, should: [flag('a'), flag('b')], minimumShouldMatch: 0 });
    expect(m(doc())).toBe(false);
    expect(m(doc('b'))).toBe(true);
  });

  it('makes should clauses optional beside a required one unless minimum_should_match asks for some', () => {
    expect(boolMatcher({ ...none, must: [flag('a')], should: [flag('b')] })(doc('a'))).toBe(true);
    const two = boolMatcher({ ...none, must: [flag('a')], should: [flag('b'), flag('c'), flag('d')], minimumShouldMatch: 2 });
    expect(two(doc('a', 'b'))).toBe(false);
    expect(two(doc('a', 'b', 'd'))).toBe(true);
    expect(two(doc('b', 'c', 'd'))).toBe(false);
  });

  it('matches nothing when minimum_should_match asks for more should clauses than there are', () => {
    const m = boolMatcher({ ...none, should: [flag('a')], minimumShouldMatch: 2 });
    expect(m(doc('a'))).toBe(false);
  });

  it('matches every document a lone must_not clause does not', () => {
    const m = boolMatcher({ ...none, mustNot: [flag('a')] });
    expect(m(doc())).toBe(true);
    expect(m(doc('a'))).toBe(false);
  });
});

describe('resolveMinimumShouldMatch, more forms', () => {
  it('reads 0% as none, counts of several digits, and refuses trailing text', () => {
    expect(resolveMinimumShouldMatch('0%', 3)).toBe(0);
    expect(resolveMinimumShouldMatch('12', 20)).toBe(12);
    expect(resolveMinimumShouldMatch('-12', 20)).toBe(8);
    expect(resolveMinimumShouldMatch('50%x', 3)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { parseDateText, resolveDateMath } from '../../src/query/date-values.js';
import { parseCidr, parseIp } from '../../src/query/ip-values.js';
import { analyzeStandard } from '../../src/query/standard-analyzer.js';
import { luceneRegExp, wildcardToRegExp } from '../../src/query/text-patterns.js';
import { QueryError } from '../../src/query/query-error.js';

describe('the standard analyzer', () => {
  it('lowercases and splits on spaces, hyphens and slashes', () => {
    expect(analyzeStandard('Failed-Login from C:/Temp')).toEqual(['failed', 'login', 'from', 'c', 'temp']);
  });

  it('keeps letters joined by dots, digits joined by dots and underscores together', () => {
    expect(analyzeStandard('www.Example.com 10.0.0.1 foo_bar')).toEqual(['www.example.com', '10.0.0.1', 'foo_bar']);
  });

  it('joins letters across a colon or apostrophe but not digits across a colon', () => {
    expect(analyzeStandard("don't foo:bar 12:30")).toEqual(["don't", 'foo:bar', '12', '30']);
  });

  it('drops punctuation-only runs', () => {
    expect(analyzeStandard('--- !!! ...')).toEqual([]);
  });
});

describe('dates', () => {
  it('fills missing components downwards, or upwards for an upper bound', () => {
    expect(parseDateText('2026-03-10')).toBe(Date.parse('2026-03-10T00:00:00.000Z'));
    expect(parseDateText('2026-03-10', true)).toBe(Date.parse('2026-03-10T23:59:59.999Z'));
    expect(parseDateText('2026-03-10T10:15', true)).toBe(Date.parse('2026-03-10T10:15:59.999Z'));
  });

  it('reads offsets, fractions and epoch milliseconds', () => {
    expect(parseDateText('2026-03-10T10:00:00.5+02:00')).toBe(Date.parse('2026-03-10T08:00:00.500Z'));
    expect(parseDateText('1773100800000')).toBe(1773100800000);
    expect(parseDateText('2026-02-30')).toBeUndefined();
    expect(parseDateText('10/03/2026')).toBeUndefined();
  });

  it('evaluates date math with rounding', () => {
    const now = Date.parse('2026-03-10T12:34:56.789Z');
    expect(resolveDateMath('now-15m', now, false, 'f')).toBe(Date.parse('2026-03-10T12:19:56.789Z'));
    expect(resolveDateMath('now/d', now, false, 'f')).toBe(Date.parse('2026-03-10T00:00:00Z'));
    expect(resolveDateMath('now/d', now, true, 'f')).toBe(Date.parse('2026-03-10T23:59:59.999Z'));
    expect(resolveDateMath('now-1M/M', now, false, 'f')).toBe(Date.parse('2026-02-01T00:00:00Z'));
    expect(resolveDateMath('2026-01-31||+1d', now, false, 'f')).toBe(Date.parse('2026-02-01T00:00:00Z'));
    expect(resolveDateMath('now/w', now, false, 'f')).toBe(Date.parse('2026-03-09T00:00:00Z'));
  });

  it('rejects malformed date math', () => {
    expect(() => resolveDateMath('now-15x', 0, false, 'f')).toThrow(QueryError);
    expect(() => resolveDateMath('yesterday', 0, false, 'f')).toThrow(QueryError);
  });
});

describe('ip addresses', () => {
  it('read IPv4, IPv6 and IPv4-mapped IPv6 as one number line', () => {
    expect(parseIp('10.0.0.1')).toBe(parseIp('::ffff:10.0.0.1'));
    expect(parseIp('2001:db8::1')).toBe(parseIp('2001:0db8:0:0:0:0:0:1'));
    expect(parseIp('256.0.0.1')).toBeUndefined();
    expect(parseIp('1:2:3')).toBeUndefined();
  });

  it('read CIDR blocks as inclusive ranges', () => {
    const block = parseCidr('10.1.0.0/16')!;
    expect(block.low).toBe(parseIp('10.1.0.0'));
    expect(block.high).toBe(parseIp('10.1.255.255'));
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
  });
});

describe('patterns', () => {
  it('wildcards cover the whole value', () => {
    expect(wildcardToRegExp('a*c').test('abbc')).toBe(true);
    expect(wildcardToRegExp('a?c').test('abbc')).toBe(false);
    expect(wildcardToRegExp('a.c').test('abc')).toBe(false);
  });

  it('Lucene regular expressions are anchored and treat ^ $ as characters', () => {
    expect(luceneRegExp('ab.').test('abc')).toBe(true);
    expect(luceneRegExp('b').test('abc')).toBe(false);
    expect(luceneRegExp('^a').test('^a')).toBe(true);
    expect(luceneRegExp('a"+*"').test('a+*')).toBe(true);
    expect(luceneRegExp('a@').test('anything')).toBe(true);
  });

  it('Lucene regular expression operators without a JavaScript meaning are refused', () => {
    expect(() => luceneRegExp('a&b')).toThrow(/operator "&"/);
    expect(() => luceneRegExp('<1-5>')).toThrow(QueryError);
  });
});

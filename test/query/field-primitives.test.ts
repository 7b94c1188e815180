import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTimeZone, documentDate, parseDateText, resolveDateMath } from '../../src/query/date-values.js';
import { parseCidr, parseIp } from '../../src/query/ip-values.js';
import { analyzeStandard, luceneLowerCase } from '../../src/query/standard-analyzer.js';
import { luceneRegExp, wildcardToRegExp } from '../../src/query/text-patterns.js';
import { QueryError } from '../../src/query/query-error.js';

describe('the standard analyzer', () => {
  it('lowercases and splits on spaces, hyphens and slashes', () => {
    expect(analyzeStandard('Failed-Login from C:/Temp')).toEqual(['failed', 'login', 'from', 'c', 'temp']);
  });

  it('lowercases letter by letter as Lucene does: İ is i and a final Σ is σ (OpenSearch 2.19.6)', () => {
    expect(analyzeStandard('İSTANBUL ΟΔΟΣ Straße')).toEqual(['istanbul', 'οδοσ', 'straße']);
    expect(luceneLowerCase('İstanbul ΟΔΟΣ')).toBe('istanbul οδοσ');
  });

  it('lowers any text code point by code point, whichever way it takes (String.toLowerCase for text without İ or Σ)', () => {
    const byCodePoint = (text: string) => [...text].map((ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase())).join('');
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('İ', 'Σ', 'ΣΑ', 'AΣ ', 'ς')), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => luceneLowerCase(t) === byCodePoint(t)), { numRuns: 500 });
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

describe('dates in every form Elasticsearch reads', () => {
  const utc = (s: string) => Date.parse(s);

  it('reads a four-digit number as a year and any other run of digits as epoch milliseconds', () => {
    expect(parseDateText('2026')).toBe(utc('2026-01-01T00:00:00Z'));
    // Elasticsearch's rule for missing components: month and day 01 even when rounding up.
    expect(parseDateText('2026', true)).toBe(utc('2026-01-01T23:59:59.999Z'));
    expect(parseDateText('-1000')).toBe(-1000);
    expect(parseDateText('20260')).toBe(20260);
    expect(parseDateText('2026-03', true)).toBe(utc('2026-03-01T23:59:59.999Z'));
  });

  it('reads offsets with or without a colon, hours only, west and east, and a comma before the fraction', () => {
    expect(parseDateText('2026-03-10T10:00:00+0530')).toBe(utc('2026-03-10T04:30:00Z'));
    expect(parseDateText('2026-03-10T10:00:00-05')).toBe(utc('2026-03-10T15:00:00Z'));
    expect(parseDateText('2026-03-10T10:00:00Z')).toBe(utc('2026-03-10T10:00:00Z'));
    expect(parseDateText('2026-03-10T10:00:00,123456789')).toBe(utc('2026-03-10T10:00:00.123Z'));
    expect(parseDateText('2026-03-10T10:00:00.12')).toBe(utc('2026-03-10T10:00:00.120Z'));
    expect(parseDateText('2026-03-10T10:00:00.12', true)).toBe(utc('2026-03-10T10:00:00.120Z'));
    expect(parseDateText('2026-03-10T10', true)).toBe(utc('2026-03-10T10:59:59.999Z'));
    expect(parseDateText('2026-03-10T10')).toBe(utc('2026-03-10T10:00:00.000Z'));
  });

  it('refuses components out of range and an offset after a date without a time', () => {
    for (const bad of [
      '2026-00-10', '2026-13-10', '2026-03-00', '2026-04-31', '2026-03-10T24:00', '2026-03-10T10:60', '2026-03-10T10:00:60', '2026-03-10Z',
    ]) {
      expect(parseDateText(bad), bad).toBeUndefined();
    }
    expect(parseDateText('2028-02-29')).toBe(utc('2028-02-29T00:00:00Z'));
    expect(parseDateText('2026-12-31T23:59:59')).toBe(utc('2026-12-31T23:59:59Z'));
    expect(parseDateText('2026-01-01T00:00:00')).toBe(utc('2026-01-01T00:00:00Z'));
  });

  it('reads a document date from epoch milliseconds (whole) or trimmed text, and names the field of one it cannot', () => {
    expect(documentDate(1773100800000.9, 'f')).toBe(1773100800000);
    expect(documentDate(' 2026-03-10 ', 'f')).toBe(utc('2026-03-10T00:00:00Z'));
    expect(() => documentDate('10/03/2026', '@timestamp')).toThrow(
      'event value "10/03/2026" of date field "@timestamp" is not a date Elasticsearch would index (ISO 8601 such as 2026-01-01T10:00:00Z, or epoch milliseconds)',
    );
    expect(() => documentDate(Number.NaN, 'f')).toThrow(QueryError);
    expect(() => documentDate(true, 'f')).toThrow(QueryError);
  });
});

describe('date math in every unit', () => {
  const now = Date.parse('2026-03-10T12:34:56.789Z'); // a Tuesday
  const at = (expr: string, up = false) => new Date(resolveDateMath(expr, now, up, 'f')).toISOString();

  it('adds and subtracts years, months, weeks, days, hours, minutes and seconds', () => {
    expect(at('now')).toBe('2026-03-10T12:34:56.789Z');
    expect(at('now+1y')).toBe('2027-03-10T12:34:56.789Z');
    expect(at('now-2M')).toBe('2026-01-10T12:34:56.789Z');
    expect(at('now+1w')).toBe('2026-03-17T12:34:56.789Z');
    expect(at('now-1d')).toBe('2026-03-09T12:34:56.789Z');
    expect(at('now+2h')).toBe('2026-03-10T14:34:56.789Z');
    expect(at('now+3H')).toBe('2026-03-10T15:34:56.789Z');
    expect(at('now-4m')).toBe('2026-03-10T12:30:56.789Z');
    expect(at('now+5s')).toBe('2026-03-10T12:35:01.789Z');
    expect(at('now+1d-1h')).toBe('2026-03-11T11:34:56.789Z');
  });

  it('rounds down to the start of each unit, or up to its last millisecond on the upper side', () => {
    const cases: [string, string, string][] = [
      ['y', '2026-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z'],
      ['M', '2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z'],
      ['w', '2026-03-09T00:00:00.000Z', '2026-03-15T23:59:59.999Z'],
      ['d', '2026-03-10T00:00:00.000Z', '2026-03-10T23:59:59.999Z'],
      ['h', '2026-03-10T12:00:00.000Z', '2026-03-10T12:59:59.999Z'],
      ['H', '2026-03-10T12:00:00.000Z', '2026-03-10T12:59:59.999Z'],
      ['m', '2026-03-10T12:34:00.000Z', '2026-03-10T12:34:59.999Z'],
      ['s', '2026-03-10T12:34:56.000Z', '2026-03-10T12:34:56.999Z'],
    ];
    for (const [unit, down, up] of cases) {
      expect([at(`now/${unit}`), at(`now/${unit}`, true)], unit).toEqual([down, up]);
    }
    // A Sunday still belongs to the week that began on the Monday before.
    expect(new Date(resolveDateMath('2026-03-15T10:00:00Z||/w', now, false, 'f')).toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('rounds a date without math up only on the upper side, and a date with math by its math alone', () => {
    expect(at('2026-03-10', true)).toBe('2026-03-10T23:59:59.999Z');
    expect(at('2026-03-10||+1d', true)).toBe('2026-03-11T00:00:00.000Z');
    expect(at('2026-03-10T10:00:00Z||')).toBe('2026-03-10T10:00:00.000Z');
  });

  it('says what is wrong with a date or its math, naming the field', () => {
    expect(() => resolveDateMath('yesterday', now, false, 'event.created')).toThrow(
      '"yesterday" is not a date or date math for field "event.created" (e.g. 2026-01-01T10:00:00Z, now-15m, now/d)',
    );
    for (const bad of ['now-15x', 'now-m', 'now/', 'now+1d/dx', 'nowish']) {
      expect(() => resolveDateMath(bad, now, false, 'f'), bad).toThrow(
        `date math "${bad}" of field "f" is not valid: use +N<unit>, -N<unit> or /<unit> with units y M w d h H m s`,
      );
    }
  });
});

describe('time zones', () => {
  it('accepts only the names of UTC, and refuses any other with the fix', () => {
    for (const zone of [undefined, 'UTC', 'Z', '+00:00', 'Etc/UTC']) expect(() => checkTimeZone(zone)).not.toThrow();
    expect(() => checkTimeZone('Europe/Paris')).toThrow(
      'time_zone "Europe/Paris" is not supported by the offline evaluator: write dates with an explicit offset instead',
    );
    expect(() => checkTimeZone('+01:00')).toThrow(QueryError);
  });
});

describe('ip addresses at their edges', () => {
  const v4 = (s: string) => parseIp(s)! - (0xffffn << 32n);

  it('reads every IPv4 octet in order, trimmed, and refuses what is not four octets of 0-255', () => {
    expect(v4('1.2.3.4')).toBe(0x01020304n);
    expect(v4(' 255.255.255.255 ')).toBe(0xffffffffn);
    for (const bad of ['1.2.3', '1.2.3.4.5', '1.2.3.256', '1.2.3.0004', '1.2.3.', 'a.b.c.d', '1.2.-3.4']) expect(parseIp(bad), bad).toBeUndefined();
  });

  it('reads IPv6 with :: anywhere, a zone, an IPv4 tail, and refuses wrong group counts', () => {
    expect(parseIp('::')).toBe(0n);
    expect(parseIp('::1')).toBe(1n);
    expect(parseIp('1::')).toBe(1n << 112n);
    expect(parseIp('fe80::1%eth0')).toBe(parseIp('fe80::1'));
    expect(parseIp('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
    expect(parseIp('::ffff:1.2.3.4')).toBe((0xffffn << 32n) | 0x01020304n);
    expect(parseIp('64:ff9b::1.2.3.4')).toBe((0x0064ff9bn << 96n) | 0x01020304n);
    expect(parseIp('ABCD::')).toBe(0xabcdn << 112n);
    for (const bad of ['1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2::3', '1:2:3:4::5:6:7:8', '::12345', '::g', '::1.2.3.256']) {
      expect(parseIp(bad), bad).toBeUndefined();
    }
  });

  it('reads CIDR blocks of both families, counting an IPv4-mapped prefix in IPv4 bits', () => {
    expect(parseCidr('10.0.0.7/32')).toEqual({ low: parseIp('10.0.0.7'), high: parseIp('10.0.0.7') });
    expect(parseCidr('10.0.0.0/0')).toEqual({ low: 0xffffn << 32n, high: (0xffffn << 32n) | 0xffffffffn });
    expect(parseCidr('2001:db8::/32')).toEqual({ low: parseIp('2001:db8::'), high: parseIp('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff') });
    expect(parseCidr('::ffff:10.0.0.0/8')).toEqual({ low: parseIp('10.0.0.0'), high: parseIp('10.255.255.255') });
    expect(parseCidr('::/128')).toEqual({ low: 0n, high: 0n });
    for (const bad of ['10.0.0.0', '10.0.0.0/', '10.0.0.0/x', '10.0.0.0/1234', '::/129', '10.0.0.256/8', '::ffff:10.0.0.0/33']) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
  });
});

describe('the standard analyzer at word boundaries', () => {
  it('makes each ideograph a word of its own, next to other words', () => {
    expect(analyzeStandard('ab漢字cd ひらがな')).toEqual(['ab', '漢', '字', 'cd', 'ひ', 'ら', 'が', 'な']);
  });

  it('joins digits across , and ; but not letters, and letters across a middle dot or a right quote', () => {
    expect(analyzeStandard('1,000;5 a,b c;d')).toEqual(['1,000;5', 'a', 'b', 'c', 'd']);
    expect(analyzeStandard('l·l don’t')).toEqual(['l·l', 'don’t']);
  });

  it('never joins a letter to a digit across punctuation, and drops punctuation at a word end', () => {
    expect(analyzeStandard('a.1 1.a v1.2 end. x:')).toEqual(['a', '1', '1', 'a', 'v1.2', 'end', 'x']);
  });

  it('keeps underscores and combining marks inside words, and a word of underscores alone is dropped', () => {
    expect(analyzeStandard('_foo e\u0301t\u00e9 __ a__b')).toEqual(['_foo', 'e\u0301t\u00e9', 'a__b']);
  });

  it('lowercases every word, ideographs included', () => {
    expect(analyzeStandard('ÉCOLE Admin')).toEqual(['école', 'admin']);
  });
});

describe('more edges of ip and date values', () => {
  it('reads :: standing for a single group, and refuses a CIDR prefix with other characters', () => {
    expect(parseIp('1:2:3:4:5:6:7::')).toBe(0x00010002000300040005000600070000n);
    expect(parseCidr('10.0.0.0/8x')).toBeUndefined();
    expect(parseCidr('10.0.0.0/x8')).toBeUndefined();
  });

  it('refuses malformed date math with the value error code', () => {
    expect(() => resolveDateMath('now-15x', 0, false, 'f')).toThrow(expect.objectContaining({ code: 'ALERTSMITH_QUERY_VALUE' }));
  });
});

import { describe, expect, it } from 'vitest';
import { PythonTimestamp, readPyYaml, YamlReadError } from '../../../src/commands/import/pyyaml-read.js';

const read = (text: string) => readPyYaml(text).value;

describe('readPyYaml reads plain scalars as PyYAML 6 does', () => {
  it.each([
    ['yes', true], ['No', false], ['on', true], ['OFF', false], ['TRUE', true],
    ['y', 'y'], ['n', 'n'], ['yES', 'yES'],
    ['~', null], ['null', null], ['NULL', null], ['', null],
    ['0777', 511], ['08', '08'], ['0x1F', 31], ['0b101', 5], ['1_000', 1000], ['-0', 0], ['+12', 12], ['0o17', '0o17'],
    ['12:30', 750], ['1:30.5', 90.5], ['-1:00', -60],
    ['1e3', '1e3'], ['1.0e5', '1.0e5'], ['1.0e+5', 100000], ['.5', 0.5], ['1.', 1], ['.inf', Infinity], ['-.Inf', -Infinity],
    ['"yes"', 'yes'], ["'0777'", '0777'], ['!!str 0777', '0777'],
  ])('%s', (text, expected) => {
    expect(read(`v: ${text}`)).toEqual({ v: expected });
  });

  it('reads .nan as NaN', () => {
    expect(Number.isNaN((read('v: .NaN') as { v: number }).v)).toBe(true);
  });

  it('reads dates and datetimes as Python timestamps, not text', () => {
    const value = read('d: 2026-11-27\nt: 2026-11-27 10:00:00\nn: 2026-1-2') as Record<string, unknown>;
    expect(value.d).toEqual(new PythonTimestamp('2026-11-27', 'date'));
    expect(value.t).toEqual(new PythonTimestamp('2026-11-27 10:00:00', 'datetime'));
    expect(value.n).toBe('2026-1-2');
  });

  it('keeps the last of repeated keys and names them', () => {
    expect(readPyYaml('a: 1\nb: 2\na: 3\n')).toEqual({ value: { a: 3, b: 2 }, repeatedKeys: ['a'] });
  });

  it('applies << merge keys and aliases', () => {
    expect(read('base: &b {x: 1, y: 2}\nrule: {<<: *b, y: 3}\n')).toEqual({ base: { x: 1, y: 2 }, rule: { x: 1, y: 3 } });
  });

  it('folds a plain scalar wrapped over lines as pySigma writes long queries', () => {
    expect(read('query: (a:*\\\n  \\/all*) AND b\n')).toEqual({ query: '(a:*\\ \\/all*) AND b' });
  });

  it('refuses what PyYAML refuses', () => {
    expect(() => readPyYaml('v: =\n')).toThrow(YamlReadError);
    expect(() => readPyYaml('a: [1\n')).toThrow(YamlReadError);
  });
});

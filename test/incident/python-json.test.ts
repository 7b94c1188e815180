import { describe, expect, it } from 'vitest';
import { parsePythonJson } from '../../src/incident/python-json.js';

describe('parsePythonJson', () => {
  it('reads plain JSON exactly as JSON.parse does', () => {
    const text = '[{"a": 1, "b": {"c": [true, null, "x"]}}]';
    expect(parsePythonJson(text)).toEqual(JSON.parse(text));
  });

  it('turns Python NaN, Infinity and -Infinity tokens into the JavaScript numbers', () => {
    const parsed = parsePythonJson('[{"avg": NaN, "max": Infinity, "min": -Infinity, "n": -1}]') as Record<string, number>[];
    expect(parsed[0]!.avg).toBeNaN();
    expect(parsed[0]!.max).toBe(Number.POSITIVE_INFINITY);
    expect(parsed[0]!.min).toBe(Number.NEGATIVE_INFINITY);
    expect(parsed[0]!.n).toBe(-1);
  });

  it('leaves the same words inside strings untouched, including escaped quotes', () => {
    const parsed = parsePythonJson('{"msg": "NaN \\" Infinity -Infinity", "v": NaN}') as Record<string, unknown>;
    expect(parsed.msg).toBe('NaN " Infinity -Infinity');
    expect(parsed.v).toBeNaN();
  });

  it('does not mistake a string that looks like its internal marker for a token', () => {
    const parsed = parsePythonJson('{"s": "\\u0000alertsmith-non-finite:NaN", "v": Infinity}') as Record<string, unknown>;
    expect(parsed.s).toBe('\u0000alertsmith-non-finite:NaN');
    expect(parsed.v).toBe(Number.POSITIVE_INFINITY);
  });

  it('still rejects input that is not JSON', () => {
    expect(() => parsePythonJson('{"a": nan}')).toThrow(SyntaxError);
    expect(() => parsePythonJson('')).toThrow(SyntaxError);
    expect(() => parsePythonJson('[NaN')).toThrow(SyntaxError);
  });
});

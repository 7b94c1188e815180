import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeForResolveString, resolveEscapedArgument } from '../../src/compile/elastalert-argument.js';
import { resolveStringLikeElastAlert } from './python-formatting.js';

const hostileMatch = { 'host.name': '{x} %s $HOME {', x: 'LEAKED' };
const tricky = fc.string({ unit: fc.constantFrom('%', '{', '}', '(', ')', 's', 'x', '$', '\\', '"', "'", '\n', '\t', 'é', '💥', ' ', 'a') });

describe('escapeForResolveString', () => {
  it.each([
    ['100%'],
    ['a % b'],
    ['x{}y'],
    ['%(host.name)s'],
    ['{host.name}'],
    ['{{host.name}}'],
    ['%%{{}}'],
  ])('gives back %j exactly after both of ElastAlert formatting passes', (text) => {
    const read: string[] = [];
    expect(resolveStringLikeElastAlert(escapeForResolveString(text), hostileMatch, read)).toBe(text);
    expect(read).toEqual([]);
  });

  it('the unescaped texts would break or leak in ElastAlert, which is why escaping is needed', () => {
    expect(() => resolveStringLikeElastAlert('100%', hostileMatch)).toThrow(/ValueError/);
    expect(() => resolveStringLikeElastAlert('x{}y', hostileMatch)).toThrow();
    // A logged value pulled in by %(field)s is formatted again: its `{x}` reads another field,
    // and a lone `{` fails the alert (and gets the rule disabled in ElastAlert 2).
    expect(resolveStringLikeElastAlert('%(host.name)s', { 'host.name': 'a {x} b', x: 'LEAKED' })).toBe('a LEAKED b');
    expect(() => resolveStringLikeElastAlert('%(host.name)s', hostileMatch)).toThrow(/ValueError/);
  });

  it('for any text, both passes give the text back and read no match field', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' })), (text) => {
        const read: string[] = [];
        expect(resolveStringLikeElastAlert(escapeForResolveString(text), hostileMatch, read)).toBe(text);
        expect(read).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('resolveEscapedArgument is the inverse of escaping', () => {
    fc.assert(fc.property(tricky, (text) => resolveEscapedArgument(escapeForResolveString(text)) === text));
  });
});

import { describe, expect, it } from 'vitest';
import { resolveImports, type ReadRuleFile } from '../../../src/commands/import/resolve-imports.js';

function files(contents: Record<string, unknown>): ReadRuleFile {
  return (file) => (file in contents ? { ok: true, value: contents[file] } : { ok: false, reason: 'no such file' });
}

describe('resolveImports follows ElastAlert\'s load_yaml', () => {
  it('lays each base under the rule, the rule winning, and joins filters base first', () => {
    const read = files({
      '/r/rules/a.yaml': { import: '../bases/b.yaml', name: 'A', realert: { minutes: 1 }, filter: [{ term: { a: 1 } }] },
      '/r/bases/b.yaml': { index: 'logs-*', realert: { minutes: 9 }, filter: [{ term: { b: 1 } }] },
    });
    expect(resolveImports('/r/rules/a.yaml', read)).toEqual({
      ok: true,
      rule: { index: 'logs-*', realert: { minutes: 1 }, filter: [{ term: { b: 1 } }, { term: { a: 1 } }], name: 'A' },
      bases: ['/r/bases/b.yaml'],
      listImport: false,
    });
  });

  it('resolves a base\'s own relative import from the folder of the rule being loaded', () => {
    const read = files({
      '/r/rules/a.yaml': { import: '../bases/b.yaml', name: 'A' },
      '/r/bases/b.yaml': { import: 'c.yaml', index: 'b' },
      '/r/rules/c.yaml': { index: 'c', type: 'any' },
    });
    const resolved = resolveImports('/r/rules/a.yaml', read);
    expect(resolved).toMatchObject({ ok: true, rule: { name: 'A', index: 'b', type: 'any' }, bases: ['/r/bases/b.yaml', '/r/rules/c.yaml'] });
  });

  it('lets a later import of a list win over an earlier one (ElastAlert 2)', () => {
    const read = files({
      '/r/a.yaml': { import: ['one.yaml', 'two.yaml'], name: 'A' },
      '/r/one.yaml': { index: 'one', realert: { minutes: 1 } },
      '/r/two.yaml': { index: 'two' },
    });
    expect(resolveImports('/r/a.yaml', read)).toEqual({
      ok: true,
      rule: { index: 'two', realert: { minutes: 1 }, name: 'A' },
      bases: ['/r/two.yaml', '/r/one.yaml'],
      listImport: true,
    });
  });

  it('names a missing base and a cycle, which ElastAlert would load forever', () => {
    expect(resolveImports('/r/a.yaml', files({ '/r/a.yaml': { import: 'gone.yaml' } }))).toEqual({ ok: false, reason: 'its import /r/gone.yaml: no such file' });
    const cycle = resolveImports('/r/a.yaml', files({ '/r/a.yaml': { import: 'b.yaml' }, '/r/b.yaml': { import: 'a.yaml' } }));
    expect(cycle.ok).toBe(false);
    expect(!cycle.ok && cycle.reason).toMatch(/a cycle/);
  });
});

import { describe, expect, it } from 'vitest';
import { commandLimitIssues, MAX_ARGUMENT_BYTES, MAX_COMMAND_BYTES } from '../../src/compile/command-limits.js';

/** An argument of `bytes` bytes of UTF-8 text (without its NUL), two bytes per character where it can. */
const text = (bytes: number): string => 'é'.repeat(Math.floor(bytes / 2)) + 'x'.repeat(bytes % 2);

describe('commandLimitIssues', () => {
  it('accepts an argument of exactly MAX_ARG_STRLEN bytes with its NUL, and refuses one byte more', () => {
    expect(MAX_ARGUMENT_BYTES).toBe(131_072);
    const fits = commandLimitIssues([{ text: text(MAX_ARGUMENT_BYTES - 1), field: 'xsoar.details' }]);
    expect(fits.filter((i) => /MAX_ARG_STRLEN/.test(i.message))).toEqual([]);
    const over = commandLimitIssues([{ text: text(MAX_ARGUMENT_BYTES), field: 'xsoar.details' }]);
    expect(over).toEqual([
      {
        path: 'xsoar.details',
        at: ['xsoar', 'details'],
        message:
          'xsoar.details makes a command argument of 131073 bytes (with its terminating NUL); Linux refuses to run a command with an argument over 131072 bytes (MAX_ARG_STRLEN), so every alert of this rule would fail: shorten it',
      },
    ]);
  });

  it('accepts a whole command of exactly the budget, NULs counted, and refuses one byte more at its largest argument', () => {
    expect(MAX_COMMAND_BYTES).toBe(65_536);
    const argv = (last: number) => [
      { text: text(99), field: 'runtime.node (alertsmith.config.ts)' },
      { text: text(40_000 - 1), field: 'xsoar.customFields.a.b' },
      { text: text(last - 1), field: 'name' },
    ];
    expect(commandLimitIssues(argv(MAX_COMMAND_BYTES - 100 - 40_000))).toEqual([]);
    expect(commandLimitIssues(argv(MAX_COMMAND_BYTES - 100 - 40_000 + 1))).toEqual([
      {
        path: 'xsoar.customFields.a.b',
        // A custom field key may hold dots: it stays one key.
        at: ['xsoar', 'customFields', 'a.b'],
        message:
          "the rule's command takes 65537 bytes, over alertsmith's budget of 65536 bytes (kept below Linux's ARG_MAX, which ElastAlert's environment shares); this is its largest argument: shorten it",
      },
    ]);
  });

  it('points a too long argument from the config at the top of the definition, and a plain property at itself', () => {
    const issues = commandLimitIssues([
      { text: text(MAX_ARGUMENT_BYTES), field: 'runtime.script (alertsmith.config.ts)' },
      { text: text(MAX_ARGUMENT_BYTES), field: 'description' },
    ]);
    expect(issues.map((i) => [i.path, i.at])).toEqual([
      ['runtime.script (alertsmith.config.ts)', []],
      ['description', ['description']],
    ]);
  });

  it('reports only the arguments over the limit, not the total they make as well', () => {
    const issues = commandLimitIssues([
      { text: 'short', field: 'id' },
      { text: text(MAX_ARGUMENT_BYTES), field: 'xsoar.name' },
    ]);
    expect(issues.map((i) => i.path)).toEqual(['xsoar.name']);
  });
});

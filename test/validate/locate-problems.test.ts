import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import type { PropertyPath } from '../../src/define/schema-issues.js';
import { locateProblems } from '../../src/validate/locate-problems.js';
import type { CheckedProblem } from '../../src/validate/run-definition-checks.js';

const SOURCE = `import { defineAlert } from 'alertsmith';
const labels = ['host.name', 'host.nmae'];
export default defineAlert({
  id: 'x',
  query: 'a:\\\\b AND event.cod:1',
  xsoar: { type: 'T', labels, ...shared },
});
`;

/** Where a problem at `path` lands, as `line:column-endColumn`. */
function place(path: PropertyPath, extra: Partial<CheckedProblem> = {}, source = SOURCE): string {
  const sf = ts.createSourceFile('/p/x.ts', source, ts.ScriptTarget.Latest, true);
  const problem: CheckedProblem = { path, message: 'm', file: '/p/x.ts', ruleId: 'r', level: 'error', required: false, ...extra };
  const [f] = locateProblems(sf, [problem]);
  return `${f!.line}:${f!.column}-${f!.endColumn}`;
}

describe('locateProblems', () => {
  it('places a property path at the value the source writes', () => {
    expect(place(['id'])).toBe('4:7-10');
  });

  it('places characters inside a string past its escapes', () => {
    // The source writes the value's one backslash as two: "event.cod" is at value offset 9, source column 21.
    expect(place(['query'], { range: { start: 9, end: 18 } })).toBe('5:21-30');
  });

  it('places an unknown key at the key', () => {
    expect(place(['xsoar', 'type'], { key: true })).toBe('6:12-16');
  });

  it('follows a const of the same file into a list', () => {
    expect(place(['xsoar', 'labels', 1])).toBe('2:30-41');
  });

  it('lands on the nearest place the source spells out when the path goes through a spread', () => {
    expect(place(['xsoar', 'owner'])).toBe('6:3-8');
  });

  it('places a problem of a file without a definition at its start', () => {
    expect(place(['id'], {}, 'export const x = 1;\n')).toBe('1:1-1');
  });

  it('leaves out what a comment turns off, except a required check', () => {
    const source = `import { defineAlert } from 'alertsmith';
// alertsmith-disable-next-line r
export default defineAlert({ id: 'x' });
`;
    const sf = ts.createSourceFile('/p/x.ts', source, ts.ScriptTarget.Latest, true);
    const problem: CheckedProblem = { path: ['id'], message: 'm', file: '/p/x.ts', ruleId: 'r', level: 'error', required: false };
    expect(locateProblems(sf, [problem])).toEqual([]);
    expect(locateProblems(sf, [{ ...problem, required: true }])).toHaveLength(1);
  });
});

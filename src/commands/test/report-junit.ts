import { tally, type DetectionResult } from './case-result.js';

/** JUnit XML for CI: a testsuite per detection, a testcase per case (and per detection problem). */
export function reportJunit(results: DetectionResult[]): string {
  const { passed, failed } = tally(results);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="alertsmith test" tests="${passed + failed}" failures="${failed}">`];
  for (const d of results) {
    const failures = d.cases.filter((c) => !c.passed).length + d.problems.length;
    out.push(`  <testsuite name="${xml(d.id)}" file="${xml(d.file)}" tests="${d.cases.length + d.problems.length}" failures="${failures}">`);
    for (const p of d.problems) {
      out.push(`    <testcase classname="${xml(d.id)}" name="detection">`, `      <failure message="${xml(p)}"/>`, `    </testcase>`);
    }
    for (const c of d.cases) {
      if (c.passed) {
        out.push(`    <testcase classname="${xml(d.id)}" name="${xml(c.name)}"/>`);
      } else {
        out.push(
          `    <testcase classname="${xml(d.id)}" name="${xml(c.name)}">`,
          `      <failure message="${xml(c.failures[0] ?? 'failed')}">${xml(c.failures.join('\n'))}</failure>`,
          `    </testcase>`,
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function xml(text: string): string {
  // XML 1.0 cannot carry most control characters, even escaped.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

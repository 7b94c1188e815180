import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTest, type TestOptions } from '../../../src/commands/test/run-test.js';

const project = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(opts: Partial<TestOptions>) {
  const out = sink();
  const err = sink();
  const code = await runTest({ cwd: project, stdout: out.stream, stderr: err.stream, ...opts });
  return { code, out: out.text(), err: err.text() };
}

describe('alertsmith test', () => {
  it('reports each case, prints the diff of a wrong expectation, closes with the tally and exits 1', async () => {
    const r = await run({ paths: ['definitions/ssh-failures.ts'] });
    expect(r.code).toBe(1);
    expect(r.out).toContain('✓ three failures from one address fire (1 alert, 1 incident)');
    expect(r.out).toContain('✓ failures spread over addresses stay quiet (0 alerts, 0 incidents)');
    expect(r.out).toContain('✗ a wrong expectation fails with a diff');
    expect(r.out).toContain('incident.name: expected "SSH failures from 10.0.0.1", got "SSH failures from 10.0.0.2"');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });

  it('fails a detection without cases under --require-tests, and passes it without', async () => {
    const without = await run({ paths: ['definitions/no-tests.ts'] });
    expect(without.code).toBe(0);
    expect(without.out.trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed');
    const required = await run({ paths: ['definitions/no-tests.ts'], requireTests: true });
    expect(required.code).toBe(1);
    expect(required.out).toContain('--require-tests: add a case that fires');
    expect(required.out.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('writes JSON with the planned incident bodies, and the tally on stderr', async () => {
    const r = await run({ paths: ['definitions/ssh-failures.ts'], format: 'json' });
    const doc = JSON.parse(r.out);
    expect(doc.failed).toBe(1);
    const first = doc.detections[0].cases[0];
    expect(first.incidents[0].body).toMatchObject({ name: 'SSH failures from 10.0.0.1', type: 'Brute Force', severity: 3 });
    expect(JSON.parse(first.incidents[0].body.rawJSON)).toMatchObject({ num_hits: 3, _index: 'filebeat-*', source: { ip: '10.0.0.1' } });
    expect(r.err).toBe('2 passed, 1 failed\n');
  });

  it('writes JUnit XML with a failure element per failed case', async () => {
    const r = await run({ paths: ['definitions'], format: 'junit' });
    expect(r.out).toContain('<testsuite name="ssh-failures" file="definitions/ssh-failures.ts" tests="3" failures="1">');
    expect(r.out.match(/<failure /g)).toHaveLength(1);
  });
});

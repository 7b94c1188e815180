import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, runBundle, SSH_FLAGS, tempDir, type Bundle } from './runtime-harness.js';
import { runtimeCommand, runtimePath } from './runtime-under-test.js';

let bundle: Bundle;
let state: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  bundle = await buildBundle();
  state = await tempDir('alertsmith-state-');
});
afterAll(async () => {
  await state.remove();
  const { rm } = await import('node:fs/promises');
  await rm(bundle.dir, { recursive: true, force: true });
});

const dryRun = (input: string, flags = SSH_FLAGS, env: Record<string, string> = {}) =>
  runBundle(bundle.file, [...flags, '--dry-run'], { input, env });

describe('--dry-run field mapping', () => {
  it('renders nested, literal dotted, indexed and array fields, and sends nothing', async () => {
    const match = {
      '@timestamp': '2026-11-27T10:00:00.5+01:00',
      'host.name': 'dotted-wins',
      host: { name: 'nested' },
      user: { name: 'root' },
      source: { ip: '10.0.0.1' },
      tags: ['ssh', 'auth'],
      ips: ['a', 'b'],
    };
    const r = await dryRun(JSON.stringify([match]), [...SSH_FLAGS, '--custom-field=second=ip {{ips[1]}}']);
    expect(r.exitCode).toBe(0);
    const [incident] = JSON.parse(r.stdout) as { body: Record<string, unknown> }[];
    expect(incident!.body.name).toBe('SSH brute force on dotted-wins');
    expect(incident!.body.details).toBe('user root from 10.0.0.1');
    expect(incident!.body.severity).toBe(3);
    expect(incident!.body.CustomFields).toEqual({ second: 'ip b' });
    expect(incident!.body.occurred).toBe('2026-11-27T10:00:00.5+01:00');
    expect(incident!.body.labels).toEqual(expect.arrayContaining([
      { type: 'host.name', value: 'dotted-wins' }, { type: 'tags', value: 'ssh' }, { type: 'tags', value: 'auth' },
    ]));
    expect(JSON.parse(incident!.body.rawJSON as string)).toEqual(match);
  });

  it('marks a missing field in the text, reports it once on stderr and does not crash', async () => {
    const r = await dryRun(JSON.stringify([{ host: { name: 'h' } }, { host: { name: 'i' } }]));
    expect(r.exitCode).toBe(0);
    const bodies = (JSON.parse(r.stdout) as { body: { details: string } }[]).map((p) => p.body.details);
    expect(bodies).toEqual(['user <missing user.name> from <missing source.ip>', 'user <missing user.name> from <missing source.ip>']);
    const missing = r.logs.filter((l) => l.event === 'missing-fields');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.fields).toEqual(['tags', 'user.name', 'source.ip']);
  });

  it('inserts hostile values verbatim: braces, templates, percent, $HOME, newlines, non-ASCII, 1 MB', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const hostile = `{ {{user.name}} %(x)s %s $HOME \${PATH} \\n real\nnewline ünï 💥 ${big}`;
    // ensure_ascii, as ElastAlert writes it.
    const input = JSON.stringify([{ host: { name: hostile }, user: { name: 'root' } }]).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const r = await dryRun(input);
    expect(r.exitCode).toBe(0);
    const [incident] = JSON.parse(r.stdout) as { body: { name: string } }[];
    expect(incident!.body.name).toBe(`SSH brute force on ${hostile}`);
  });

  it('accepts Python NaN and Infinity tokens and a single match object', async () => {
    const r = await dryRun('{"host": {"name": "h"}, "metric_cpu_avg": NaN, "max": Infinity}', [...SSH_FLAGS, '--name={{metric_cpu_avg}}/{{max}}']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)[0].body.name).toBe('NaN/Infinity');
  });

  it('reads flags written as --flag value, as the classic glue script passes them', async () => {
    const r = await runBundle(bundle.file, ['--rule', 'r1', '--type', 'Phishing', '--name', 'n {{a}}', '--severity', '2', '--labels', 'a', '--dry-run'], { input: '[{"a": "v"}]' });
    expect(r.exitCode).toBe(0);
    const [incident] = JSON.parse(r.stdout) as { body: Record<string, unknown> }[];
    expect(incident!.body).toMatchObject({ name: 'n v', type: 'Phishing', severity: 2 });
  });

  it('makes one incident per alert with --incident-per=alert', async () => {
    const r = await dryRun(JSON.stringify([{ _id: '1' }, { _id: '2' }]), [...SSH_FLAGS, '--incident-per=alert']);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('stdout closed early', () => {
  it('--dry-run | head: the reader leaving is not an error (exit 0, no internal-error line)', async () => {
    const { spawn } = await import('node:child_process');
    const matches = Array.from({ length: 5_000 }, (_, i) => ({ _id: `doc-${i}`, _index: 'logs', host: { name: `host-${i}` } }));
    const child = spawn(...runtimeCommand(bundle.file, [...SSH_FLAGS, '--dry-run']), { env: { PATH: runtimePath(), HOME: '/nonexistent-home' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `head -1`: read the first piece, then close the pipe while the runtime is still writing.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(JSON.stringify(matches));
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    expect(stderr).not.toContain('internal-error');
    expect(code).toBe(0);
  });
});

describe('bad input', () => {
  const send = (input: string | Buffer, env: Record<string, string> = {}) =>
    runBundle(bundle.file, [...SSH_FLAGS, `--state-dir=${state.path}`], { input, env: { DEMISTO_BASE_URL: 'http://127.0.0.1:9', DEMISTO_API_KEY: 'k'.repeat(20), ...env } });

  it.each([
    ['empty stdin', '', /empty/],
    ['invalid JSON', '[{"a": 1', /not JSON/],
    ['a JSON number', '42', /array of match objects/],
    ['an array of strings', '["a"]', /array of match objects/],
  ])('rejects %s with exit code 5, one error line, and keeps the raw input under rejected/', async (_name, input, reason) => {
    const before = new Set(await readdir(join(state.path, 'rejected')).catch(() => []));
    const r = await send(input);
    expect(r.exitCode).toBe(5);
    const errors = r.logs.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reason).toMatch(reason);
    const saved = errors[0]!.savedTo as string;
    expect((await readdir(join(state.path, 'rejected'))).filter((f) => !before.has(f))).toHaveLength(2);
    expect(await readFile(saved, 'utf8')).toBe(input);
    expect(JSON.parse(await readFile(saved.replace(/\.raw$/, '.json'), 'utf8')).reason).toMatch(reason);
  });

  it('streams input over the size limit to rejected/ instead of reading it into memory', async () => {
    const input = matchesOfSize(5000);
    const r = await send(input, { ALERTSMITH_MAX_INPUT_BYTES: '1000' });
    expect(r.exitCode).toBe(5);
    const error = r.logs.find((l) => l.event === 'bad-input')!;
    expect(error.reason).toMatch(/larger than the limit of 1000 bytes/);
    expect(await readFile(error.savedTo as string, 'utf8')).toBe(input);
  });

  it('sends a custom field declared with --custom-field-type as a value of that type', async () => {
    const flags = [...SSH_FLAGS, '--custom-field=hits={{num_hits}}', '--custom-field=seen={{@timestamp}}', '--custom-field-type=hits=number', '--custom-field-type=seen=date'];
    const r = await dryRun(JSON.stringify([{ num_hits: 12, '@timestamp': '2026-11-27T10:00:00' }]), flags);
    expect(r.exitCode).toBe(0);
    const [incident] = JSON.parse(r.stdout) as { body: Record<string, unknown> }[];
    expect(incident!.body.CustomFields).toEqual({ hits: 12, seen: '2026-11-27T10:00:00Z' });
    const bad = await dryRun('[]', [...SSH_FLAGS, '--custom-field-type=hits=grid']);
    expect(bad.exitCode).toBe(2);
    expect(bad.logs[0]!.message).toMatch(/--custom-field-type takes key=type/);
  });

  it('answers usage errors with exit code 2 and a message naming the flag', async () => {
    const noType = await runBundle(bundle.file, ['--rule=r', '--dry-run'], { input: '[]' });
    expect(noType.exitCode).toBe(2);
    expect(noType.logs[0]!.message).toMatch(/--type is required/);
    const unknown = await runBundle(bundle.file, [...SSH_FLAGS, '--api-key=secret'], { input: '[]' });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.logs[0]!.message).toMatch(/Unknown option '--api-key'/);
  });
});

function matchesOfSize(bytes: number): string {
  return JSON.stringify([{ message: 'm'.repeat(bytes) }]);
}

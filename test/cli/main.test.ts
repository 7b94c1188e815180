import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { anyDefinition, definitionSource, tempProject } from '../commands/build/temp-project.js';

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  return { out: () => out, err: () => err };
}

afterEach(() => vi.restoreAllMocks());

describe('alertsmith (command line)', () => {
  it('--version prints the package version and exits 0', async () => {
    const io = capture();
    expect(await main(['--version'])).toBe(0);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(io.out().trim()).toBe(version);
  });

  it('--help lists every command and exits 0', async () => {
    const io = capture();
    expect(await main(['--help'])).toBe(0);
    for (const command of ['build', 'check', 'test', 'xsoar-sim']) expect(io.out()).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    // The environment variables that change what the commands do, the project server's among them.
    for (const name of ['ALERTSMITH_CONFIG', 'ALERTSMITH_SERVER', 'ALERTSMITH_SERVER_IDLE', 'ALERTSMITH_WORKERS']) expect(io.out()).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('an unknown command or flag is a usage error, exit 2, with a pointer to --help', async () => {
    const io = capture();
    expect(await main(['bogus'])).toBe(2);
    expect(io.err()).toContain("unknown command 'bogus'");
    expect(await main(['build', '--bogus'])).toBe(2);
    expect(io.err()).toContain('alertsmith --help');
  });

  it('a known error prints one line with its code and no stack, and exits with its code', async () => {
    const dir = tempProject({ 'definitions/a.ts': definitionSource(anyDefinition('a')) });
    const io = capture();
    expect(await main(['build', '--config', 'missing.ts'], dir)).toBe(2);
    expect(io.err()).toBe('alertsmith: config file missing.ts does not exist [ALERTSMITH_CONFIG_NOT_FOUND]\n');
  });

  it('build runs through the command line and exits 0, then --check exits 0', async () => {
    const dir = tempProject({ 'definitions/a.ts': definitionSource(anyDefinition('a')) });
    const io = capture();
    expect(await main(['build'], dir)).toBe(0);
    expect(await main(['build', '--check'], dir)).toBe(0);
    expect(io.out()).toContain('generated/ is up to date: 1 rule (');
  });
});

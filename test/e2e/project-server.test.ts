// `alertsmith check` and `build` through the project's server, as a user's next commands run: the
// CLI from dist/ starts the server after its first command, the next commands go to it, and the
// output, exit codes and written files are those of a command in its own process.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { askServer } from '../../src/server/server-client.js';
import { serverSocketPath } from '../../src/server/server-address.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'bin/alertsmith.js');

describe('alertsmith check and build with the project server', () => {
  it('answers the next commands from the server, with the output, exit code and files of a command in its own process', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-project-server-'));
    cpSync(path.join(REPO, 'test/commands/test/fixtures/project'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(REPO, path.join(dir, 'node_modules', 'alertsmith'), 'dir');
    const socketPath = serverSocketPath(dir);
    onTestFinished(async () => void (await askServer(socketPath, { kind: 'stop' })));
    const check = (server: boolean) =>
      execa(process.execPath, [CLI, 'check', '--format', 'json'], {
        cwd: dir,
        reject: false,
        env: { ALERTSMITH_SERVER: server ? '1' : '0', ALERTSMITH_SERVER_IDLE: '120' },
      });
    const checksServed = async () => {
      const status = await askServer(socketPath, { kind: 'status' });
      return status?.kind === 'status' ? status.commands : undefined;
    };

    const first = await check(true);
    expect(first.exitCode).toBe(0);
    // The first check ran in its own process and started the server.
    while ((await checksServed()) === undefined) await new Promise((r) => setTimeout(r, 50));
    expect(await checksServed()).toBe(0);

    const definition = path.join(dir, 'definitions/ssh-failures.ts');
    const text = readFileSync(definition, 'utf8');
    writeFileSync(definition, text.replace("labels: ['source.ip']", "labels: ['source.ipp']"));
    const served = await check(true);
    expect(await checksServed()).toBe(1);
    const alone = await check(false);
    expect(served.exitCode).toBe(1);
    expect(served.stdout).toContain('source.ipp');
    expect({ exitCode: served.exitCode, stdout: served.stdout, stderr: served.stderr }).toEqual({ exitCode: alone.exitCode, stdout: alone.stdout, stderr: alone.stderr });

    writeFileSync(definition, text);
    const fixed = await check(true);
    expect(await checksServed()).toBe(2);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.stdout).toBe((await check(false)).stdout);

    // A usage error comes back as the same message and exit code.
    const badFormat = await execa(process.execPath, [CLI, 'check', '--format', 'xml'], { cwd: dir, reject: false, env: { ALERTSMITH_SERVER: '1' } });
    const badAlone = await execa(process.execPath, [CLI, 'check', '--format', 'xml'], { cwd: dir, reject: false, env: { ALERTSMITH_SERVER: '0' } });
    expect(await checksServed()).toBe(3);
    expect({ exitCode: badFormat.exitCode, stderr: badFormat.stderr }).toEqual({ exitCode: badAlone.exitCode, stderr: badAlone.stderr });

    // The check runs in the client's environment: here, a config file named by ALERTSMITH_CONFIG.
    const named = (server: boolean) =>
      execa(process.execPath, [CLI, 'check'], { cwd: dir, reject: false, env: { ALERTSMITH_SERVER: server ? '1' : '0', ALERTSMITH_CONFIG: 'missing.config.ts' } });
    const [namedServed, namedAlone] = [await named(true), await named(false)];
    expect(await checksServed()).toBe(4);
    expect(namedServed.stderr).toContain('missing.config.ts');
    expect({ exitCode: namedServed.exitCode, stderr: namedServed.stderr }).toEqual({ exitCode: namedAlone.exitCode, stderr: namedAlone.stderr });

    // build: the same rule files and output, written by the server.
    const build = (server: boolean, args: string[] = []) =>
      execa(process.execPath, [CLI, 'build', ...args], { cwd: dir, reject: false, env: { ALERTSMITH_SERVER: server ? '1' : '0' } });
    const rules = () => readdirSync(path.join(dir, 'generated')).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, readFileSync(path.join(dir, 'generated', f), 'utf8')]);
    // The cache decides part of the output ("2 from cache"): each build starts from the same state.
    const fresh = async (server: boolean) => {
      rmSync(path.join(dir, 'generated'), { recursive: true, force: true });
      return build(server);
    };
    await fresh(false);
    const builtServed = await fresh(true);
    expect(await checksServed()).toBe(5);
    expect(builtServed.exitCode).toBe(0);
    const servedRules = rules();
    expect(servedRules.length).toBeGreaterThan(0);
    const builtAlone = await fresh(false);
    expect(rules()).toEqual(servedRules);
    const outputOf = (r: { exitCode?: number; stdout: string; stderr: string }) => ({ exitCode: r.exitCode, stdout: r.stdout.replace(/\(\d+ ms\)|\([\d.]+ s\)/g, '(time)'), stderr: r.stderr });
    expect(outputOf(builtServed)).toEqual(outputOf(builtAlone));
    // build --check through the server sees a stale rule file as its own process does.
    writeFileSync(path.join(dir, 'generated', servedRules[0]![0]!), 'edited by hand\n');
    const [staleServed, staleAlone] = [await build(true, ['--check']), await build(false, ['--check'])];
    expect(await checksServed()).toBe(6);
    expect(staleServed.exitCode).toBe(1);
    expect(outputOf(staleServed)).toEqual(outputOf(staleAlone));
  }, 180_000);
});

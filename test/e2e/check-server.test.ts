// `alertsmith check` through the project's check server, as a user's second check runs: the CLI
// from dist/ starts the server after its first check, the next checks go to it, and the reports
// and exit codes are those of a check in its own process.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { askCheckServer } from '../../src/check/server/check-client.js';
import { serverSocketPath } from '../../src/check/server/server-address.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO, 'bin/alertsmith.js');

describe('alertsmith check with the check server', () => {
  it('answers the next checks from the server, with the report and exit code of a check in its own process', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-check-server-'));
    cpSync(path.join(REPO, 'test/commands/test/fixtures/project'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(REPO, path.join(dir, 'node_modules', 'alertsmith'), 'dir');
    const socketPath = serverSocketPath(dir);
    onTestFinished(async () => void (await askCheckServer(socketPath, { kind: 'stop' })));
    const check = (server: boolean) =>
      execa(process.execPath, [CLI, 'check', '--format', 'json'], {
        cwd: dir,
        reject: false,
        env: { ALERTSMITH_CHECK_SERVER: server ? '1' : '0', ALERTSMITH_CHECK_SERVER_IDLE: '120' },
      });
    const checksServed = async () => {
      const status = await askCheckServer(socketPath, { kind: 'status' });
      return status?.kind === 'status' ? status.checks : undefined;
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
    const badFormat = await execa(process.execPath, [CLI, 'check', '--format', 'xml'], { cwd: dir, reject: false, env: { ALERTSMITH_CHECK_SERVER: '1' } });
    const badAlone = await execa(process.execPath, [CLI, 'check', '--format', 'xml'], { cwd: dir, reject: false, env: { ALERTSMITH_CHECK_SERVER: '0' } });
    expect(await checksServed()).toBe(3);
    expect({ exitCode: badFormat.exitCode, stderr: badFormat.stderr }).toEqual({ exitCode: badAlone.exitCode, stderr: badAlone.stderr });

    // The check runs in the client's environment: here, a config file named by ALERTSMITH_CONFIG.
    const named = (server: boolean) =>
      execa(process.execPath, [CLI, 'check'], { cwd: dir, reject: false, env: { ALERTSMITH_CHECK_SERVER: server ? '1' : '0', ALERTSMITH_CONFIG: 'missing.config.ts' } });
    const [namedServed, namedAlone] = [await named(true), await named(false)];
    expect(await checksServed()).toBe(4);
    expect(namedServed.stderr).toContain('missing.config.ts');
    expect({ exitCode: namedServed.exitCode, stderr: namedServed.stderr }).toEqual({ exitCode: namedAlone.exitCode, stderr: namedAlone.stderr });
  }, 180_000);
});

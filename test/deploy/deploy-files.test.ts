import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The files docs/deploy.md ships in deploy/: systemd units checked by systemd's own
// `systemd-analyze verify` (Debian's systemd; it needs no systemd running as PID 1), the cron
// file and the Dockerfile checked against the units and the tested ElastAlert 2 version.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEPLOY = path.join(ROOT, 'deploy');
const RUNTIME_PATH = '/opt/alertsmith/alertsmith-incident';
const units = readdirSync(path.join(DEPLOY, 'systemd')).sort();
const read = (...parts: string[]) => readFileSync(path.join(DEPLOY, ...parts), 'utf8');

/** Set to 1 where systemd-analyze must be present (CI installs Debian's systemd): a missing one then fails. */
const REQUIRED = process.env.ALERTSMITH_SYSTEMD_REQUIRED === '1';
const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const analyzeMissing = analyze.status === 0 ? undefined : 'systemd-analyze is not installed (Debian package systemd)';
if (analyzeMissing !== undefined && REQUIRED) throw new Error(`${analyzeMissing}; ALERTSMITH_SYSTEMD_REQUIRED=1, so this fails`);
if (analyzeMissing !== undefined) process.stderr.write(`\nSKIPPING systemd-analyze verify of deploy/systemd: ${analyzeMissing}\n`);

/** `systemd-analyze verify` over copies of the units in which the runtime's path is an executable that exists here. */
function verify(edit: (name: string, text: string) => string = (_name, text) => text) {
  const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-units-'));
  try {
    const stub = path.join(dir, 'alertsmith-incident');
    writeFileSync(stub, '#!/bin/sh\n');
    chmodSync(stub, 0o755);
    for (const name of units) writeFileSync(path.join(dir, name), edit(name, read('systemd', name).replaceAll(RUNTIME_PATH, stub)));
    const r = spawnSync('systemd-analyze', ['verify', '--man=no', ...units.map((name) => path.join(dir, name))], { encoding: 'utf8', cwd: dir });
    return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each service's ExecStart, and each command of the cron file, as argument lists. */
const execStarts = () =>
  Object.fromEntries(units.filter((name) => name.endsWith('.service')).map((name) => [name, read('systemd', name).match(/^ExecStart=(.*)$/m)![1]!.split(' ')]));
const cronCommands = () =>
  read('cron', 'alertsmith')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && !/^[A-Z]+=/.test(line))
    .map((line) => {
      const fields = line.split(/\s+/);
      return { schedule: fields.slice(0, 5), user: fields[5], command: line.split(/\s+/).slice(6).join(' ').split(' 2>&1 | ')[0]!.split(' ') };
    });

describe('deploy/systemd', () => {
  it.runIf(analyzeMissing === undefined)('passes systemd-analyze verify without a warning', () => {
    expect(units).toEqual(['alertsmith-prune.service', 'alertsmith-prune.timer', 'alertsmith-replay.service', 'alertsmith-replay.timer']);
    expect(verify()).toEqual({ status: 0, output: '' });
  });

  it.runIf(analyzeMissing === undefined)('would be caught by the same check with a misspelled setting or a bad schedule', () => {
    const misspelled = verify((name, text) => (name === 'alertsmith-replay.service' ? text.replace('TimeoutStartSec=', 'TimeoutStartSecs=') : text));
    expect(misspelled.output).toContain("Unknown key 'TimeoutStartSecs'");
    const badSchedule = verify((name, text) => (name === 'alertsmith-prune.timer' ? text.replace('OnCalendar=daily', 'OnCalendar=every day') : text));
    expect(badSchedule.status).not.toBe(0);
  });

  it('runs replay and prune as the runtime, with the config file ElastAlert rules pass it', () => {
    const starts = execStarts();
    expect(starts['alertsmith-replay.service']).toEqual([RUNTIME_PATH, 'replay', '--config', '/etc/alertsmith/xsoar.json']);
    expect(starts['alertsmith-prune.service']!.slice(0, 2)).toEqual([RUNTIME_PATH, 'prune']);
    for (const name of units.filter((unit) => unit.endsWith('.service'))) expect(read('systemd', name)).toMatch(/^User=elastalert$/m);
  });
});

describe('deploy/cron/alertsmith', () => {
  it('runs the same commands as the systemd services, as the same user, with five schedule fields', () => {
    const commands = cronCommands();
    const starts = execStarts();
    expect(commands.map((c) => c.command)).toEqual([starts['alertsmith-replay.service'], starts['alertsmith-prune.service']]);
    for (const { schedule, user } of commands) {
      expect(user).toBe('elastalert');
      for (const field of schedule) expect(field).toMatch(/^(\*|\d+)(\/\d+)?$/);
    }
  });
});

describe('deploy/Dockerfile', () => {
  const text = read('Dockerfile');
  it('starts from the official ElastAlert 2 image at the version the end-to-end suite runs', () => {
    const tested = readFileSync(path.join(ROOT, 'scripts/install-elastalert.sh'), 'utf8').match(/^EA2_VERSION="([^"]+)"$/m)![1];
    expect(text).toContain(`ARG ELASTALERT2_IMAGE=jertel/elastalert2:${tested}\n`);
  });

  it('adds the executable where the units and the docs expect it, and its state folder as a volume', () => {
    expect(text).toMatch(new RegExp(`^COPY .* dist/alertsmith-incident ${RUNTIME_PATH}$`, 'm'));
    const state = text.match(/^ENV ALERTSMITH_STATE_DIR=(\S+)$/m)![1];
    expect(text).toContain(`VOLUME ["${state}"]`);
    expect(text).toContain(`chmod 0700 ${state}`);
    // The image's own user runs ElastAlert, hence the runtime.
    expect(text.trim().split('\n').filter((line) => line.startsWith('USER ')).pop()).toBe('USER elastalert');
  });
});

describe('deploy/helm/values-alertsmith.yaml', () => {
  let values: Record<string, unknown>;
  beforeAll(async () => {
    const yaml = await import('js-yaml');
    values = yaml.load(read('helm', 'values-alertsmith.yaml')) as Record<string, unknown>;
  });

  it('runs one ElastAlert, the old pod gone before the new one starts, with the state on a volume', () => {
    expect(values.replicaCount).toBe(1);
    expect(values.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
    const env = values.optEnv as { name: string; value?: string }[];
    const state = env.find((e) => e.name === 'ALERTSMITH_STATE_DIR')!.value;
    expect(values.extraVolumeMounts).toContainEqual({ name: 'alertsmith-state', mountPath: state });
    expect(env.find((e) => e.name === 'DEMISTO_API_KEY')).toMatchObject({ valueFrom: { secretKeyRef: { name: 'alertsmith-xsoar' } } });
  });

  it('starts a shell whose script runs replay and prune beside the image start, passing the chart arguments on', () => {
    const [script, zero] = values.args as string[];
    expect(zero).toBe('alertsmith-start');
    const check = spawnSync('sh', ['-n', '-c', script!], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(script).toContain(`${RUNTIME_PATH} replay`);
    expect(script).toContain('exec /opt/elastalert/run.sh "$@"');
  });
});

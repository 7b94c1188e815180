// alertsmith on a project shaped like a user's (issue 13): alertsmith installed as a dependency,
// definitions in team subfolders, each with test cases of 10-30 events built by shared fixture
// modules the definitions import. Measures, as fresh processes the way a user runs them:
//   - `alertsmith build` over 3,141 such definitions (target <= 2 s), and the rebuild after
//     changing one definition (target <= 0.5 s);
//   - `alertsmith test` over 1,000 of them (target <= 2 s).
// The synthetic rows (bench/build.bench.mjs, bench/test.bench.mjs) stay beside these.
// Env: BENCH_PROJECT_DEFINITIONS (default 3141), BENCH_PROJECT_TESTED (default 1000), BENCH_KEEP.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { watchLatency } from './watch-latency.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'bin/alertsmith.js');
const total = Number(process.env.BENCH_PROJECT_DEFINITIONS ?? 3141);
const tested = Number(process.env.BENCH_PROJECT_TESTED ?? 1000);
const TEAMS = ['windows', 'linux', 'network', 'cloud', 'identity', 'endpoint', 'web'];

/** The shared fixtures: event builders that many definitions import, as teams write them. */
const FIXTURES = `// Shared sample events for the detections' test cases.
export interface EventOptions { host?: string; user?: string; code?: string; minute?: number; second?: number }

export function authFailure(o: EventOptions = {}) {
  return {
    '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, o.minute ?? 0, o.second ?? 0)).toISOString(),
    event: { category: ['authentication'], outcome: 'failure', code: o.code ?? '4625', dataset: 'system.auth' },
    host: { name: o.host ?? 'bastion-1', os: { type: 'linux' } },
    user: { name: o.user ?? 'root' },
    source: { ip: '203.0.113.7', geo: { country_iso_code: 'NL' } },
    process: { name: 'sshd', pid: 4242 },
    message: 'Failed password for root from 203.0.113.7 port 52100 ssh2',
  };
}

/** n events, one every few seconds, all alike but for the time. */
export function burst(n: number, o: EventOptions = {}) {
  return Array.from({ length: n }, (_, k) => authFailure({ ...o, second: (k * 7) % 60, minute: Math.floor((k * 7) / 60) }));
}
`;

function definition(i, team) {
  const events = 10 + (i % 21); // 10 to 30 events a case
  const code = String(4600 + (i % 100));
  const host = `host-${i % 50}`;
  const frequency = i % 2 === 1;
  const typePart = frequency
    ? `type: 'frequency', num_events: ${events}, timeframe: '10m', query_key: 'host.name',`
    : `type: 'any',`;
  return `import { defineAlert } from 'alertsmith';
import { burst } from '../../fixtures/events.js';

export default defineAlert({
  id: '${team}-detection-${i}',
  name: 'Detection ${i} of the ${team} team',
  description: 'Failed logins with event code ${code} on ${host} (real-shaped benchmark definition ${i}).',
  index: 'logs-*',
  ${typePart}
  query: 'event.code:${code} AND host.name:"${host}" AND event.outcome:failure',
  realert: '1h',
  attack: { tactics: ['credential-access'], techniques: ['T1110.001'] },
  tags: ['${team}', 'bench'],
  owner: 'soc-${team}',
  xsoar: {
    type: 'Brute Force',
    severity: '${['low', 'medium', 'high', 'critical'][i % 4]}',
    name: 'Detection ${i} on {{host.name}} by {{user.name}}',
    details: '{{source.ip}} failed {{event.code}} on {{host.name}}',
    labels: ['host.name', 'user.name', 'source.ip'],
    customFields: { sourceip: '{{source.ip}}' },
  },
  tests: [
    {
      name: '${events} failures on ${host} fire once',
      events: burst(${events}, { host: '${host}', code: '${code}' }),
      expect: { alerts: 1, incident: { name: 'Detection ${i} on ${host} by root', severity: '${['low', 'medium', 'high', 'critical'][i % 4]}' } },
    },
    {
      name: 'the same failures with another event code do not',
      events: burst(${events}, { host: '${host}', code: '${Number(code) + 1000}' }),
      expect: { alerts: 0 },
    },
  ],
});
`;
}

/** A project folder with `count` definitions; answers its path and the files written. */
function makeProject(count) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-project-bench-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'alertsmith'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'detections', private: true, type: 'module' }, null, 2));
  mkdirSync(path.join(dir, 'fixtures'));
  writeFileSync(path.join(dir, 'fixtures/events.ts'), FIXTURES);
  const files = [];
  for (let i = 0; i < count; i++) {
    const team = TEAMS[i % TEAMS.length];
    const folder = path.join(dir, 'definitions', team);
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${team}-detection-${i}.ts`);
    writeFileSync(file, definition(i, team));
    files.push(file);
  }
  return { dir, files };
}

/** Runs the CLI in a fresh process (by default with no project server); answers wall ms, or throws with its output. */
function timed(dir, args, env = { ALERTSMITH_SERVER: '0' }) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`alertsmith ${args.join(' ')} exited ${r.status}:\n${(r.stdout + r.stderr).slice(-2000)}`);
  return ms;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * bench/load-floor.mjs in a fresh process, 3 times: esbuild bundles `count` definitions and Node
 * evaluates them, nothing else. Answers the median wall ms and the median ms inside Node's imports.
 */
function loadFloor(dir, count) {
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bench/load-floor.mjs'), dir, path.join(dir, 'definitions'), String(count)], { encoding: 'utf8' });
    const ms = performance.now() - started;
    if (r.status !== 0) throw new Error(`bench/load-floor.mjs exited ${r.status}:\n${r.stderr.slice(-2000)}`);
    return { ms, evaluateMs: JSON.parse(r.stdout).evaluateMs };
  });
  return { ms: median(runs.map((r) => r.ms)), evaluateMs: median(runs.map((r) => r.evaluateMs)) };
}

const big = makeProject(total);
// Cold: --no-cache, every definition loaded, checked and compiled. Warm: node_modules/.cache/alertsmith
// filled by the run before; generated/ moved aside before each run (every rule written again), then
// three runs with nothing to write.
const coldBuild = timed(big.dir, ['build', '--no-cache']);
const bigFloor = loadFloor(big.dir, total);
timed(big.dir, ['build']);
// generated/ is moved out of the way, not deleted, before each timed build: on this machine's disk
// (ext4 mounted with `discard`), writing 3,141 files right after deleting 3,141 others took
// 2-3 s longer while the freed blocks were trimmed, which measured the disk, not alertsmith.
const builds = [];
const setAside = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-project-bench-old-'));
for (let r = 0; r < 3; r++) {
  renameSync(path.join(big.dir, 'generated'), path.join(setAside, `generated-${r}`));
  builds.push(timed(big.dir, ['build']));
}
const upToDate = [0, 1, 2].map(() => timed(big.dir, ['build']));
const rebuilds = [];
for (let r = 0; r < 3; r++) {
  const one = big.files[(r * 101) % big.files.length];
  writeFileSync(one, readFileSync(one, 'utf8').replace('real-shaped benchmark', `real-shaped benchmark, edit ${r}`));
  rebuilds.push(timed(big.dir, ['build']));
}

// As a user's builds run by default: the first starts the project's server (src/server), the user
// edits a definition (here 5 s later) and builds again, through the server.
const { askServer } = await import(pathToFileURL(path.join(root, 'dist/server/server-client.js')).href);
const { serverSocketPath } = await import(pathToFileURL(path.join(root, 'dist/server/server-address.js')).href);
const served = { ALERTSMITH_SERVER: '1', ALERTSMITH_SERVER_IDLE: '300' };
const servedRebuilds = [];
try {
  timed(big.dir, ['build'], served);
  for (let r = 0; r < 3; r++) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const one = big.files[(r * 101 + 7) % big.files.length];
    writeFileSync(one, readFileSync(one, 'utf8').replace('real-shaped benchmark', `real-shaped benchmark, served edit ${r}`));
    servedRebuilds.push(timed(big.dir, ['build'], served));
  }
  const status = await askServer(serverSocketPath(big.dir), { kind: 'status' });
  if (status?.kind !== 'status' || status.commands !== 3) throw new Error(`the project server answered ${status?.kind === 'status' ? status.commands : 'no'} builds of 3`);
} finally {
  await askServer(serverSocketPath(big.dir), { kind: 'stop' });
}

const small = makeProject(tested);
const coldTest = timed(small.dir, ['test', '--no-cache']);
const smallFloor = loadFloor(small.dir, tested);
timed(small.dir, ['test']);
const tests = [0, 1, 2].map(() => timed(small.dir, ['test']));
// The edit loop: `test --watch`, 12 saves of one detection; the first 2 warm the process up.
const saves = await watchLatency({
  cli, dir: small.dir, command: 'test', file: small.files[7], saves: 12,
  edit: (text, i) => text.replace(/real-shaped benchmark[^)]*\)/, `real-shaped benchmark, save ${i})`),
});
const watchMedian = [...saves.slice(2)].sort((a, b) => a - b)[5];

rmSync(setAside, { recursive: true, force: true });
for (const p of [big, small]) if (process.env.BENCH_KEEP) console.log('kept', p.dir); else rmSync(p.dir, { recursive: true, force: true });

const row = (what, value, target) => console.log(`${what.padEnd(52)} ${value.padStart(10)}   ${target}`);
console.log(`real-shaped project: definitions in ${TEAMS.length} team folders, 2 test cases of 10-30 events each from shared fixtures; node ${process.version}, ${os.cpus().length} cores`);
row('figure (fresh processes, median of 3)', 'measured', 'target (issue 13) / baseline');
row(`alertsmith build, ${total} definitions, no cache (1 run)`, `${(coldBuild / 1000).toFixed(2)} s`, '<= 2 s (issue: 6.9-8.5 s before; 11.9 s last session)');
row(`  floor: esbuild + Node load them, nothing else`, `${(bigFloor.ms / 1000).toFixed(2)} s`, `of which Node evaluating the definitions' own code: ${(bigFloor.evaluateMs / 1000).toFixed(2)} s`);
row(`alertsmith build, ${total} definitions, cache warm, every rule written`, `${(median(builds) / 1000).toFixed(2)} s`, '<= 2 s');
row(`alertsmith build, ${total} definitions, cache warm, nothing changed`, `${(median(upToDate) / 1000).toFixed(2)} s`, '<= 2 s');
row('alertsmith build after changing one definition, own process', `${(median(rebuilds) / 1000).toFixed(2)} s`, '<= 0.5 s (7.0 s last session)');
row('alertsmith build after changing one definition, project server', `${(median(servedRebuilds) / 1000).toFixed(2)} s`, `<= 0.5 s (the 3 edits: ${servedRebuilds.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`);
row(`alertsmith test, ${tested} definitions, no cache (1 run)`, `${(coldTest / 1000).toFixed(2)} s`, '<= 2 s (issue: 4.0 s before; 3.5 s last session)');
row(`  floor: esbuild + Node load them, nothing else`, `${(smallFloor.ms / 1000).toFixed(2)} s`, `of which Node evaluating the definitions' own code: ${(smallFloor.evaluateMs / 1000).toFixed(2)} s`);
row(`alertsmith test, ${tested} definitions (${tested * 2} cases), cache warm`, `${(median(tests) / 1000).toFixed(2)} s`, '<= 2 s');
row(`alertsmith test --watch, ${tested} definitions, save to report (median of 10)`, `${(watchMedian / 1000).toFixed(2)} s`, `each save: ${saves.map((t) => t.toFixed(0)).join(' ')} ms (the first 2 warm up)`);

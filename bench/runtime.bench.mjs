// alertsmith-incident (issues 3 and 12), figures beside their baselines, measured in one run:
//  1. start-up: median wall time of a one-match `--dry-run` vs `node -e 0` (target <= 1.5x);
//  2. 1,000 matches in one call to a local XSOAR simulator: wall time, incidents created (target < 2 s);
//     one match delivered vs `node -e 0` (target <= 1.3x); replay of never-tried incidents vs a
//     normal run, time per incident (target <= 2x);
//  3. peak RSS of the runtime for 100 MB on stdin (target < 400 MB): two shapes (many 2 KB matches,
//     ten 10 MB ones), each as --dry-run and delivered to the simulator.
// Needs a current dist/ (`npm run build:dist`): the shipped bundle and the simulator.
// Env: BENCH_RUNTIME_RUNS (default 15).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = path.join(root, 'dist/alertsmith-incident.mjs');
const simulatorEntry = path.join(root, 'dist/simulator/index.js');
for (const file of [bundle, simulatorEntry]) {
  if (!existsSync(file)) {
    console.error(`runtime bench: ${path.relative(root, file)} is missing; run \`npm run build:dist\` first`);
    process.exit(1);
  }
}
const runs = Number(process.env.BENCH_RUNTIME_RUNS ?? 15);
/** BENCH_RUNTIME_SKIP_RSS=1 leaves out the 100 MB memory figures (they take most of the time). */
const skipRss = process.env.BENCH_RUNTIME_SKIP_RSS === '1';
const FLAGS = ['--rule=bench', '--type=Bench', '--name=Bench on {{host.name}}', '--details={{message}}', '--labels=host.name,tags', '--severity=high'];
const work = mkdtempSync(path.join(tmpdir(), 'alertsmith-runtime-bench-'));
const baseEnv = { PATH: process.env.PATH ?? '', HOME: work, ALERTSMITH_STATE_DIR: path.join(work, 'state') };

function match(i, messageBytes = 200) {
  return {
    '@timestamp': '2026-11-27T10:00:00.000Z', _id: `doc-${i}`, _index: 'logs-bench', num_hits: 1, num_matches: 1,
    host: { name: `host-${i % 50}`, ip: ['10.0.0.1'] }, user: { name: 'root' }, tags: ['ssh', 'auth'],
    event: { category: ['authentication'], outcome: 'failure' }, message: 'm'.repeat(messageBytes),
  };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(1)} ms`;

// 1. Start-up, runs interleaved so that machine noise hits both alike.
const oneMatch = `${JSON.stringify([match(1)])}\n`;
const nodeTimes = [];
const dryTimes = [];
for (let i = 0; i < runs; i++) {
  let t = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { env: baseEnv, stdio: 'ignore' });
  nodeTimes.push(performance.now() - t);
  t = performance.now();
  const r = spawnSync(process.execPath, [bundle, ...FLAGS, '--dry-run'], { env: baseEnv, input: oneMatch, stdio: ['pipe', 'ignore', 'ignore'] });
  dryTimes.push(performance.now() - t);
  if (r.status !== 0) throw new Error(`dry-run failed with exit code ${r.status}`);
}
const ratio = median(dryTimes) / median(nodeTimes);
console.log(`start-up (median of ${runs}): node -e 0 ${ms(median(nodeTimes))} | one-match --dry-run ${ms(median(dryTimes))} | ratio ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);

// 2. 1,000 matches, one call, local simulator (in this process, on loopback).
const { startXsoarSimulator } = await import(pathToFileURL(simulatorEntry).href);
const sim = await startXsoarSimulator({ apiKey: 'bench-api-key' });
const thousand = `${JSON.stringify(Array.from({ length: 1000 }, (_, i) => match(i)))}\n`;
const started = performance.now();
const exit = await new Promise((resolve) => {
  const child = spawn(process.execPath, [bundle, ...FLAGS], {
    env: { ...baseEnv, DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: 'bench-api-key', ALERTSMITH_STATE_DIR: path.join(work, 'state-1000') },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('exit', (code) => resolve(code));
  child.stdin.end(thousand);
});
const wall = performance.now() - started;
const created = sim.incidents().length;
console.log(`1,000 matches to a local simulator: ${ms(wall)}, ${created} incidents created, exit ${exit} (target < 2000 ms, 1000 incidents) ${wall < 2000 && created === 1000 ? 'OK' : 'OVER'}`);

// 2b. One delivered alert, the common case (ElastAlert runs the command once per match and waits):
// a one-match delivery to the local simulator, median wall time beside `node -e 0` (target <= 1.3x).
// Beside it, two floors any Node program pays for the same job, measured in the same loop: a
// script that only POSTs one incident (no input, no state), and one that also keeps the input
// durably first and records the delivery (write + fsync, rename, fsync of the folders), as the
// runtime must. The single executable (`npm run build:exe`) is measured too when it is there.
const floorPost = path.join(work, 'floor-post.mjs');
const floorDurable = path.join(work, 'floor-durable.mjs');
const postOnce = `const http = process.getBuiltinModule('node:http');
const body = JSON.stringify({ name: 'floor', type: 'Bench', labels: [{ type: 'alertsmith-key', value: String(Math.random()) }] });
function post(done) {
  const req = http.request(process.env.DEMISTO_BASE_URL + '/incident', { method: 'POST', headers: { authorization: process.env.DEMISTO_API_KEY, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => { res.resume(); res.on('end', () => done(res.statusCode)); });
  req.end(body);
}
`;
writeFileSync(floorPost, `${postOnce}post((status) => process.exit(status === 200 || status === 201 ? 0 : 1));\n`);
writeFileSync(floorDurable, `${postOnce}const fs = process.getBuiltinModule('node:fs');
const dir = process.env.ALERTSMITH_STATE_DIR;
fs.mkdirSync(dir + '/pending', { recursive: true });
fs.mkdirSync(dir + '/delivered', { recursive: true });
const syncDir = (d) => { const fd = fs.openSync(d, 'r'); fs.fsyncSync(fd); fs.closeSync(fd); };
const tmp = dir + '/pending/.tmp-' + process.pid;
const fd = fs.openSync(tmp, 'wx');
fs.writeSync(fd, fs.readFileSync(0));
fs.fsyncSync(fd);
fs.closeSync(fd);
fs.renameSync(tmp, dir + '/pending/intake-' + process.pid);
syncDir(dir + '/pending');
post((status) => {
  fs.writeFileSync(dir + '/delivered/' + process.pid + '-' + Date.now(), String(status), { flag: 'wx' });
  syncDir(dir + '/delivered');
  fs.unlinkSync(dir + '/pending/intake-' + process.pid);
  process.exit(0);
});
`);
const executable = path.join(root, 'dist/alertsmith-incident');
const hasExecutable = existsSync(executable);
const deliverOne = (i, command) => new Promise((resolve) => {
  const t = performance.now();
  const child = spawn(command[0], [...command.slice(1), ...FLAGS], {
    env: { ...baseEnv, DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: 'bench-api-key', ALERTSMITH_STATE_DIR: path.join(work, 'state-one') },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('exit', (code) => resolve({ code, ms: performance.now() - t }));
  child.stdin.end(`${JSON.stringify([match(1_000_000 + i)])}\n`);
});
const oneRows = {
  'node -e 0': [], 'floor: node + one POST': [], 'floor: + durable intake and ledger': [],
  'alertsmith-incident.mjs': [], ...(hasExecutable ? { 'single executable': [] } : {}),
};
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { env: baseEnv, stdio: 'ignore' });
  oneRows['node -e 0'].push(performance.now() - t);
  for (const [label, command] of [
    ['floor: node + one POST', [process.execPath, floorPost]],
    ['floor: + durable intake and ledger', [process.execPath, floorDurable]],
    ['alertsmith-incident.mjs', [process.execPath, bundle]],
    ...(hasExecutable ? [['single executable', [executable]]] : []),
  ]) {
    const r = await deliverOne(i, command);
    if (r.code !== 0) throw new Error(`one-match delivery (${label}) failed with exit code ${r.code}`);
    oneRows[label].push(r.ms);
  }
}
const oneNode = median(oneRows['node -e 0']);
console.log(`one delivered alert (median of ${runs}, each beside node -e 0 ${ms(oneNode)}):`);
for (const [label, times] of Object.entries(oneRows).slice(1)) {
  const ratio = median(times) / oneNode;
  const verdict = label.startsWith('floor') ? '(reference)' : `(target <= 1.3x) ${ratio <= 1.3 ? 'OK' : 'OVER'}`;
  console.log(`  ${label.padEnd(36)} ${ms(median(times)).padStart(9)} | ratio ${ratio.toFixed(2)}x ${verdict}`);
}

// 2c. replay of incidents never attempted (a run stopped by its deadline kept them in its intake):
// time per incident beside a normal run's, same count, same simulator (target: within 2x).
const REPLAY_COUNT = 3_000;
const replayInput = `${JSON.stringify(Array.from({ length: REPLAY_COUNT }, (_, i) => match(2_000_000 + i)))}\n`;
const runTimed = (args, env, input) => new Promise((resolve) => {
  const t = performance.now();
  const child = spawn(process.execPath, [bundle, ...args], { env: { ...baseEnv, DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: 'bench-api-key', ...env }, stdio: ['pipe', 'ignore', 'ignore'] });
  child.on('exit', (code) => resolve({ code, ms: performance.now() - t }));
  child.stdin.end(input);
});
const normalState = path.join(work, 'state-normal');
const before = sim.incidents().length;
const normal = await runTimed(FLAGS, { ALERTSMITH_STATE_DIR: normalState }, replayInput);
const normalCount = sim.incidents().length - before;
const replayState = path.join(work, 'state-replay');
const replayInput2 = replayInput.replaceAll('"doc-2', '"doc-r2');
// A deadline that ends the run almost at once: nearly everything stays in its intake, untried.
const cut = await runTimed(FLAGS, { ALERTSMITH_STATE_DIR: replayState, ALERTSMITH_DEADLINE_MS: '400' }, replayInput2);
const afterCut = sim.incidents().length;
const replayed = await runTimed(['replay'], { ALERTSMITH_STATE_DIR: replayState }, '');
const replayCount = sim.incidents().length - afterCut;
const perNormal = normal.ms / normalCount;
const perReplay = replayed.ms / replayCount;
const replayRatio = perReplay / perNormal;
console.log(`replay of ${replayCount} never-tried incidents: ${ms(replayed.ms)} (${(perReplay * 1000).toFixed(0)} us each, exit ${replayed.code}; the cut run exited ${cut.code}) | normal run of ${normalCount}: ${ms(normal.ms)} (${(perNormal * 1000).toFixed(0)} us each) | ratio ${replayRatio.toFixed(2)}x (target <= 2x) ${replayRatio <= 2 && replayCount + (afterCut - before - normalCount) === REPLAY_COUNT ? 'OK' : 'OVER'}`);

// 3. Peak memory for 100 MB on stdin, in two shapes: many ordinary matches, and few huge ones.
const reportRss = path.join(work, 'report-rss.mjs');
writeFileSync(reportRss, "process.on('exit', () => process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\\n`));\n");
const hundredMb = 100 * 1024 * 1024;
async function peakRss(label, input, deliver = false) {
  const file = path.join(work, 'big.json');
  writeFileSync(file, input);
  const stdin = openSync(file, 'r');
  const args = ['--import', pathToFileURL(reportRss).href, bundle, ...FLAGS, ...(deliver ? [] : ['--dry-run'])];
  const env = deliver ? { ...baseEnv, DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: 'bench-api-key', ALERTSMITH_STATE_DIR: path.join(work, `state-rss-${Date.now()}`) } : baseEnv;
  // Asynchronous: the simulator answering the delivery lives in this process.
  const r = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: [stdin, 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stderr }));
  });
  closeSync(stdin);
  const mb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  console.log(`peak RSS, ${label} (${(input.length / 1024 / 1024).toFixed(0)} MB stdin, ${deliver ? 'delivered to the simulator' : '--dry-run'}): ${mb.toFixed(0)} MB, exit ${r.status} (target < 400 MB) ${mb < 400 ? 'OK' : 'OVER'}`);
}
if (skipRss) {
  await sim.stop();
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const perMatch = JSON.stringify(match(0, 1800)).length + 1;
const manySmall = `${JSON.stringify(Array.from({ length: Math.floor(hundredMb / perMatch) }, (_, i) => match(i, 1800)))}\n`;
await peakRss(`${Math.floor(hundredMb / perMatch)} matches of 2 KB`, manySmall);
// More incidents than one call can create before its 20 s deadline: the rest is spooled.
await peakRss(`${Math.floor(hundredMb / perMatch)} matches of 2 KB`, manySmall, true);
const tenHuge = `${JSON.stringify(Array.from({ length: 10 }, (_, i) => match(i, 10 * 1024 * 1024 - 300)))}\n`;
await peakRss('10 matches of 10 MB', tenHuge);
await peakRss('10 matches of 10 MB', tenHuge, true);
await sim.stop();

rmSync(work, { recursive: true, force: true });

// The single-executable runtime (issue 15): start-up of a one-match `--dry-run` of
// dist/alertsmith-incident (run directly, PATH without node) vs `node -e 0` (target <= 1.5x), with
// the .mjs bundle under node beside it for reference. Runs interleaved so machine noise hits all alike.
// Needs `npm run build:dist` and `npm run build:exe`. Env: BENCH_EXE_RUNS (default 21).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const executable = path.join(root, 'dist/alertsmith-incident');
const bundle = path.join(root, 'dist/alertsmith-incident.mjs');
for (const [file, how] of [[bundle, 'npm run build:dist'], [executable, 'npm run build:exe']]) {
  if (!existsSync(file)) {
    console.error(`exe bench: ${path.relative(root, file)} is missing; run \`${how}\` first`);
    process.exit(1);
  }
}
const runs = Number(process.env.BENCH_EXE_RUNS ?? 21);
const FLAGS = ['--rule=bench', '--type=Bench', '--name=Bench on {{host.name}}', '--details={{message}}', '--labels=host.name,tags', '--severity=high', '--dry-run'];
const work = mkdtempSync(path.join(tmpdir(), 'alertsmith-exe-bench-'));
const env = { PATH: '/nonexistent', HOME: work, ALERTSMITH_STATE_DIR: path.join(work, 'state') };
const input = `${JSON.stringify([{ '@timestamp': '2026-11-27T10:00:00.000Z', _id: 'doc-1', _index: 'logs-bench', host: { name: 'host-1' }, tags: ['ssh'], message: 'm'.repeat(200) }])}\n`;

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'executable --dry-run': [executable, FLAGS],
  'node bundle.mjs --dry-run': [process.execPath, [bundle, ...FLAGS]],
};
// CPU time of the waited-for children (user + system, /proc/self/stat cutime + cstime, in clock
// ticks of 10 ms): summed over the runs, it is steadier than wall time on a busy machine.
const childCpuMs = () => readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(13, 15).reduce((sum, ticks) => sum + Number(ticks) * 10, 0);
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const cpu = Object.fromEntries(Object.keys(commands).map((name) => [name, 0]));
for (let i = 0; i < runs; i++) {
  for (const [name, [file, args]] of Object.entries(commands)) {
    const t = performance.now();
    const before = childCpuMs();
    const r = spawnSync(file, args, { env, input, stdio: ['pipe', 'ignore', 'pipe'] });
    times[name].push(performance.now() - t);
    cpu[name] += childCpuMs() - before;
    if (r.status !== 0) throw new Error(`${name} failed with exit code ${r.status}: ${r.stderr}`);
  }
}
rmSync(work, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
const ratio = median(times['executable --dry-run']) / base;
console.log(`start-up (median of ${runs}): node -e 0 ${base.toFixed(1)} ms | executable one-match --dry-run ${median(times['executable --dry-run']).toFixed(1)} ms | ratio ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);
console.log(`CPU per run (mean of ${runs}): ${Object.entries(cpu).map(([name, total]) => `${name} ${(total / runs).toFixed(1)} ms`).join(' | ')}`);
console.log(`for reference: node dist/alertsmith-incident.mjs one-match --dry-run ${median(times['node bundle.mjs --dry-run']).toFixed(1)} ms = ${(median(times['node bundle.mjs --dry-run']) / base).toFixed(2)}x`);

// `alertsmith report` over generated detections (issue 16 sets no target): the whole command as a
// fresh process, writing all three outputs, and the sizes of what it wrote. Needs a current dist/.
// Env: BENCH_REPORT_DEFINITIONS (default 1000), BENCH_REPORT_RUNS (default 3; the best run counts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.env.BENCH_REPORT_DEFINITIONS ?? 1000);
const runs = Number(process.env.BENCH_REPORT_RUNS ?? 3);

if (!existsSync(path.join(root, 'dist/commands/report/run-report.js'))) {
  console.error('report bench: dist/ has no report command; run `npm run build:dist` first');
  process.exit(1);
}

const TACTICS = ['initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion', 'credential-access', 'discovery', 'lateral-movement'];

/** Detection i: a frequency rule naming one tactic and two techniques, with one case that fires. */
function definition(i) {
  const id = `generated-${String(i).padStart(4, '0')}`;
  const technique = `T${1000 + (i % 150)}`;
  const events = Array.from({ length: 3 }, (_, k) => ({ '@timestamp': `2026-01-05T10:0${k}:00Z`, event: { outcome: 'failure' }, source: { ip: `10.0.0.${i % 250}` }, user: { name: `u${k}` } }));
  return `import { defineAlert } from 'alertsmith';

export default defineAlert({
  id: '${id}',
  name: 'Generated ${i}',
  description: 'A generated detection for the report benchmark.',
  index: 'logs-*',
  type: 'frequency', num_events: 3, timeframe: '5m', query_key: 'source.ip',
  query: 'event.outcome:failure',
  attack: { tactics: ['${TACTICS[i % TACTICS.length]}'], techniques: ['${technique}', '${technique}.00${1 + (i % 3)}'] },
  owner: 'team-${i % 7}',
  tags: ['generated', 'set-${i % 5}'],
  xsoar: { type: 'Bench', severity: 'medium', name: 'Generated ${i} from {{source.ip}}', labels: ['source.ip', 'user.name'] },
  tests: [{ name: 'three failures fire', events: ${JSON.stringify(events)}, expect: { alerts: 1 } }],
});
`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'alertsmith-report-bench-'));
try {
  mkdirSync(path.join(dir, 'definitions'));
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, 'definitions', `generated-${String(i).padStart(4, '0')}.ts`), definition(i));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'report-bench', private: true, type: 'module' }));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'alertsmith'), 'dir');

  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [path.join(root, 'bin/alertsmith.js'), 'report', '--out', 'report'], { cwd: dir, encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (res.status !== 0) {
      console.error(res.stderr);
      process.exit(1);
    }
    best = Math.min(best, seconds);
  }
  const size = (file) => `${(statSync(path.join(dir, 'report', file)).size / 1024).toFixed(0)} KiB`;
  console.log(`detections: ${count}; best of ${runs} runs`);
  console.log(`alertsmith report (fresh process, loading, first cases and all three outputs): ${best.toFixed(2)} s wall`);
  console.log(`outputs: catalog.html ${size('catalog.html')}, attack-layer.json ${size('attack-layer.json')}, summary.md ${size('summary.md')}`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
}

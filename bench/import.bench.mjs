// alertsmith import over 3,141 rules shaped as pySigma's ElastAlert backend writes them (the size
// of the public Sigma corpus): plain, line-wrapped query_string queries, `index: '*'`, `priority`,
// no alerter, a tenth of them correlations (frequency, metric_aggregation). Prints the in-process
// import (read, resolve, convert, verify, format) and the whole command as a separate process
// (median of 3), beside issue 14's target: a few seconds. Needs dist/ (npm install builds it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.BENCH_IMPORT_RULES ?? 3141);
const root = fileURLToPath(new URL('..', import.meta.url));
const { planImport } = await import(path.join(root, 'dist/commands/import/plan-import.js'));

const FIELDS = ['process.executable.caseless', 'process.command_line', 'process.parent.executable', 'winlog.event_data.TargetUserName', 'event.code', 'user.name', 'destination.port', 'registry.path'];

/** A plain YAML scalar wrapped at 80 columns as PyYAML's dumper does, continuation lines indented. */
function wrapped(prefix, text, indent) {
  const lines = [];
  let line = prefix;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > 80 && line.trim() !== prefix.trim()) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line.endsWith(' ') || line === '' ? `${line}${word}` : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

function rule(i) {
  const terms = Array.from({ length: 2 + (i % 5) }, (_, k) => `${FIELDS[(i + k) % FIELDS.length]}:*\\\\tool${i}-${k}.exe`);
  const query = `(${terms.join(' OR ')}) AND (NOT user.name:"NT AUTHORITY\\\\SYSTEM")`;
  const lines = [
    wrapped('description: ', `Synthetic Sigma rule ${i} converted by pySigma, with a description long enough to wrap over lines.`, '  '),
    'filter:',
    '- query:',
    '    query_string:',
    wrapped('      query: ', query, '        '),
    "index: '*'",
  ];
  if (i % 10 === 3) lines.push('max_threshold: 20', 'metric_agg_key: winlog.event_data.TargetUserName', 'metric_agg_type: cardinality');
  lines.push(`name: Synthetic Sigma Rule ${i}`);
  if (i % 10 === 7) lines.push('num_events: 10');
  lines.push(`priority: ${i % 5}`);
  if (i % 10 === 3 || i % 10 === 7) lines.push('query_key:', '- source.ip');
  if (i % 10 === 7) lines.push('timeframe:', '  minutes: 5');
  lines.push(`type: ${i % 10 === 3 ? 'metric_aggregation' : i % 10 === 7 ? 'frequency' : 'any'}`, '');
  return lines.join('\n');
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-import-bench-'));
try {
  const rules = path.join(dir, 'rules');
  mkdirSync(rules);
  for (let i = 0; i < N; i++) writeFileSync(path.join(rules, `sigma_rule_${i}.yml`), rule(i));
  const files = readdirSync(rules).sort().map((f) => path.join(rules, f));

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const plan = planImport({ files, readText: (f) => readFileSync(f, 'utf8'), shownAs: (f) => path.relative(dir, f), xsoarType: 'Sigma' });
  const inProcess = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const inProcessCpu = (cpu.user + cpu.system) / 1e6;
  const notImported = plan.report.rules.filter((r) => r.status === 'not-imported');
  if (notImported.length > 0) throw new Error(`${notImported.length} rules not imported, e.g. ${JSON.stringify(notImported[0])}`);

  const runs = [];
  for (let k = 0; k < 3; k++) {
    rmSync(path.join(dir, 'definitions'), { recursive: true, force: true });
    const t = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/alertsmith.js'), 'import', 'rules', '--xsoar-type', 'Sigma', '--format', 'json'], { cwd: dir, maxBuffer: 1 << 30 });
    runs.push((performance.now() - t) / 1000);
    if (r.status !== 0) throw new Error(`alertsmith import exited ${r.status}: ${r.stderr}`);
  }
  runs.sort((a, b) => a - b);
  const written = readdirSync(path.join(dir, 'definitions')).length;
  console.log(`rules: ${N} pySigma-shaped (${written} definitions written)`);
  console.log(`machine load average (2 cores): ${os.loadavg()[0].toFixed(1)}: wall times include waiting for the CPU`);
  console.log(`in-process import (read, convert, verify, format): ${inProcess.toFixed(2)} s wall, ${inProcessCpu.toFixed(2)} s CPU (${Math.round(N / inProcessCpu)} rules per CPU second)`);
  console.log(`whole \`alertsmith import\`, a separate process, median of 3: ${runs[1].toFixed(2)} s   target (issue 14): a few seconds`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

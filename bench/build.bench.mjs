// alertsmith build over 3,141 synthetic, varied definitions (the size of the public Sigma rule
// corpus). Prints the phases measured in-process, the whole command as a separate process, and
// peak memory, beside the targets of issue 2. Needs dist/ (npm install builds it).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.BENCH_DEFINITIONS ?? 3141);
const root = fileURLToPath(new URL('..', import.meta.url));
const { findDefinitionFiles } = await import(path.join(root, 'dist/commands/build/find-definition-files.js'));
const { validateDefinitionFiles } = await import(path.join(root, 'dist/validate/validate-definition-files.js'));
const { planBuild } = await import(path.join(root, 'dist/commands/build/plan-build.js'));
const { applyOutputs } = await import(path.join(root, 'dist/commands/build/write-generated.js'));
const { configSchema } = await import(path.join(root, 'dist/define/schema/config.js'));

const TYPES = [
  { type: 'any' },
  { type: 'frequency', num_events: 20, timeframe: '5m', query_key: 'source.ip' },
  { type: 'flatline', threshold: 1, timeframe: '30m', query_key: 'host.name' },
  { type: 'spike', spike_height: 3, spike_type: 'up', timeframe: '1h' },
  { type: 'cardinality', cardinality_field: 'destination.port', max_cardinality: 100, timeframe: '5m' },
  { type: 'change', compare_key: 'source.geo.country_iso_code', ignore_null: true, query_key: 'user.name' },
  { type: 'new_term', fields: ['process.name'] },
  { type: 'metric_aggregation', metric_agg_key: 'network.bytes', metric_agg_type: 'sum', max_threshold: 1000000 },
];

function definition(i) {
  const shape = TYPES[i % TYPES.length];
  const def = {
    id: `detection-${i}`,
    name: `Detection ${i}: 100% of {odd} \$HOME text é`,
    description: `Synthetic detection number ${i} for the build benchmark.`,
    index: i % 3 === 0 ? 'winlogbeat-*' : 'logs-*',
    ...shape,
    realert: `${(i % 30) + 1}m`,
    attack: { tactics: ['execution'], techniques: [`T${1000 + (i % 600)}`] },
    tags: ['bench', `group-${i % 17}`],
    xsoar: {
      type: `Type ${i % 11}`,
      severity: ['low', 'medium', 'high', 'critical'][i % 4],
      name: `Detection ${i} on {{host.name}}`,
      details: `{{user.name}} ran {{process.command_line}} (${i})`,
      labels: ['host.name', 'user.name', 'process.name'].slice(0, (i % 3) + 1),
      customFields: i % 2 ? { sourceip: '{{source.ip}}' } : {},
    },
  };
  if (i % 2 === 0) def.query = `event.code:${4600 + (i % 100)} AND process.name:"proc-${i}.exe"`;
  if (i % 2 === 1) def.filter = [{ term: { 'event.code': String(4600 + (i % 100)) } }, { terms: { 'host.os.type': ['windows', 'linux'] } }];
  return `import { defineAlert } from 'alertsmith';\n\nexport default defineAlert(${JSON.stringify(def, null, 2)});\n`;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'alertsmith-bench-'));
mkdirSync(path.join(dir, 'node_modules'));
symlinkSync(root, path.join(dir, 'node_modules', 'alertsmith'));
for (let i = 0; i < N; i++) {
  const sub = path.join(dir, 'definitions', `group-${i % 10}`);
  mkdirSync(sub, { recursive: true });
  writeFileSync(path.join(sub, `detection-${i}.ts`), definition(i));
}

// Phases in this process.
const config = configSchema.parse({});
let t = performance.now();
const files = await findDefinitionFiles(path.join(dir, 'definitions'));
const validated = await validateDefinitionFiles(files, { cwd: dir, config, definitionsDir: path.join(dir, 'definitions') });
const loadMs = performance.now() - t;
const refused = validated.findings.filter((f) => f.level === 'error');
if (refused.length > 0) throw new Error(`bench definitions are invalid: ${JSON.stringify(refused.slice(0, 3))}`);
t = performance.now();
const checked = [...validated.valid].map(([file, definition]) => ({ file: path.relative(dir, file), definition }));
const plan = planBuild(checked, config, new Map());
const compileMs = performance.now() - t;
if (plan.errors.length > 0) throw new Error(`bench definitions do not compile: ${JSON.stringify(plan.errors.slice(0, 3))}`);
t = performance.now();
await applyOutputs(path.join(dir, 'generated-in-process'), plan.outputs, []);
const writeMs = performance.now() - t;

// The whole command, as a user runs it, in a separate process (median of 3), with its peak RSS.
const cli = path.join(root, 'bin/alertsmith.js');
const runs = [];
let peakKb = 0;
for (let r = 0; r < 3; r++) {
  rmSync(path.join(dir, 'generated'), { recursive: true, force: true });
  const started = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'build'], { cwd: dir, encoding: 'utf8' });
  runs.push(performance.now() - started);
  if (res.status !== 0) throw new Error(`alertsmith build failed: ${res.stderr}`);
  peakKb = Math.max(peakKb, Number(res.stderr.trim().split('\n').pop()));
}
const wholeMs = runs.sort((a, b) => a - b)[1];
const check = spawnSync(process.execPath, [cli, 'build', '--check'], { cwd: dir, encoding: 'utf8' });
if (process.env.BENCH_KEEP) console.log('kept', dir); else rmSync(dir, { recursive: true, force: true });

const row = (what, value, target) => console.log(`${what.padEnd(44)} ${value.padStart(12)}   ${target}`);
console.log(`${N} definitions (8 rule types, Lucene and DSL filters), node ${process.version}, ${os.cpus().length} cores`);
row('phase', 'measured', 'target / baseline (issue 2)');
row('load + checks (esbuild, import, the definition checks)', `${(loadMs / 1000).toFixed(2)} s`, '');
row('compile (rule + YAML; validation is a check now)', `${(compileMs / 1000).toFixed(2)} s`, '< 1.5 s');
row('write (temp file + rename each)', `${(writeMs / 1000).toFixed(2)} s`, 'disk-bound: varies with other I/O on the machine');
row('compile rate', `${Math.round(N / (compileMs / 1000))}/s`, '> 2,094/s (3,141 in 1.5 s)');
row('whole `alertsmith build` (median of 3)', `${(wholeMs / 1000).toFixed(2)} s`, '< 3 s; pySigma: about 17 s (issue figure, not run here)');
row('peak RSS of `alertsmith build`', `${Math.round(peakKb / 1024)} MB`, '');
row('`build --check` right after', check.status === 0 ? 'exit 0' : `exit ${check.status}`, 'exit 0');

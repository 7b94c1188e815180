// `npm run demo`: the whole chain on this machine. Builds the example detections, starts the
// XSOAR simulator, feeds sample events for two detections through the bundled runtime (through
// the real ElastAlert when scripts/install-elastalert.sh has installed it), and prints the
// incidents the simulator received. Leaves nothing behind: a temporary folder, removed at the end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import yaml from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist/alertsmith-incident.mjs');
const simulatorModule = path.join(root, 'dist/simulator/index.js');
const harness = path.join(root, 'test/e2e/harness/elastalert_harness.py');
const ea2Python = path.join(process.env.ALERTSMITH_ELASTALERT2_VENV ?? path.join(root, '.cache/elastalert2'), 'bin/python');
const yelpPython = '/usr/bin/python3';
const yelpInstalled = existsSync('/usr/lib/python3/dist-packages/elastalert/alerts.py');
// The harness drives ElastAlert's own loader, rule type and command alerter (see docs/e2e.md); unlike
// elastalert-test-rule it counts the run's hits, so `{{num_hits}}` shows a real number.
const elastalert = existsSync(ea2Python)
  ? { python: ea2Python, label: 'ElastAlert 2.31.0' }
  : yelpInstalled
    ? { python: yelpPython, label: 'Yelp ElastAlert 0.2.4' }
    : undefined;

const at = (minutes, seconds = 0) => new Date(Date.UTC(2026, 0, 15, 10, minutes, seconds)).toISOString();

// Two detections and events that trigger them.
const SAMPLES = [
  {
    id: 'admin-group-member-added',
    events: [
      {
        '@timestamp': at(0),
        _id: 'demo-4728',
        event: { code: '4728' },
        group: { name: 'Domain Admins' },
        user: { name: 'alice', target: { name: 'mallory' } },
        host: { name: 'dc-01' },
      },
    ],
  },
  {
    id: 'ssh-brute-force',
    events: Array.from({ length: 20 }, (_, i) => ({
      '@timestamp': at(0, i * 10),
      _id: `demo-ssh-${i}`,
      event: { dataset: 'system.auth', category: 'authentication', outcome: 'failure' },
      process: { name: 'sshd' },
      source: { ip: '203.0.113.7' },
      host: { name: 'bastion-1' },
      user: { name: i === 19 ? 'root' : `user${i}` },
    })),
  },
];

function step(text) {
  process.stdout.write(`\n== ${text}\n`);
}

if (!existsSync(bundle) || !existsSync(simulatorModule)) {
  step('building dist/ (npm run build:dist)');
  execFileSync(process.execPath, [path.join(root, 'scripts/build-dist.mjs')], { stdio: 'inherit' });
}

const work = mkdtempSync(path.join(tmpdir(), 'alertsmith-demo-'));
const { startXsoarSimulator } = await import(simulatorModule);
const simulator = await startXsoarSimulator();
try {
  step('alertsmith build: the example detections, with a command that runs this Node on dist/');
  const config = path.join(work, 'alertsmith.config.ts');
  const overrides = { definitions: path.join(root, 'definitions'), out: 'rules', runtime: { node: process.execPath, script: bundle } };
  writeFileSync(config, `import base from ${JSON.stringify(path.join(root, 'alertsmith.config.ts'))};\nexport default { ...base, ...${JSON.stringify(overrides)} };\n`);
  execFileSync(process.execPath, [path.join(root, 'bin/alertsmith.js'), 'build', '--config', config], { cwd: work, stdio: 'inherit' });

  const elastalertConfig = path.join(work, 'elastalert.yaml');
  writeFileSync(
    elastalertConfig,
    `rules_folder: ${JSON.stringify(path.join(work, 'rules'))}\nes_host: 127.0.0.1\nes_port: 9\nwriteback_index: demo\nrun_every: {minutes: 1}\nbuffer_time: {minutes: 15}\n`,
  );
  const env = {
    ...process.env,
    DEMISTO_BASE_URL: simulator.url,
    DEMISTO_API_KEY: 'sim-api-key',
    ALERTSMITH_STATE_DIR: path.join(work, 'state'),
    PYTHONIOENCODING: 'utf-8',
  };
  const via = elastalert === undefined
    ? 'the runtime directly (no ElastAlert here: scripts/install-elastalert.sh installs it)'
    : `${elastalert.label}'s rule types and command alerter`;
  step(`XSOAR simulator on ${simulator.url}; events go through ${via}`);

  for (const sample of SAMPLES) {
    const rule = path.join(work, 'rules', `${sample.id}.yaml`);
    const events = path.join(work, `${sample.id}.events.json`);
    writeFileSync(events, JSON.stringify(sample.events));
    process.stdout.write(`-- ${sample.id}: ${sample.events.length} event(s)\n`);
    // Asynchronous on purpose: the simulator answers from this process's event loop.
    const options = { env, reject: false, all: true };
    let run;
    if (elastalert !== undefined) {
      const result = path.join(work, `${sample.id}.result.json`);
      run = await execa(elastalert.python, [harness, '--result', result, 'fire', '--config', elastalertConfig, '--rule', rule, '--events', events], options);
    } else {
      // Without ElastAlert: the match is the last event, the flags are the rule's command with
      // ElastAlert's formatting undone (its arguments are constants escaped for %- and {}-formatting).
      const command = commandOf(readFileSync(rule, 'utf8'));
      const match = { ...sample.events.at(-1), num_hits: sample.events.length, num_matches: 1 };
      run = await execa(command[0], command.slice(1), { ...options, input: `${JSON.stringify([match])}\n` });
    }
    if (run.exitCode !== 0) process.stdout.write(`   (exit ${run.exitCode})\n${run.all ?? ''}\n`);
  }

  step('incidents the simulator received');
  for (const { id, body, flavour } of simulator.incidents()) {
    process.stdout.write(
      [
        `#${id} [${flavour}] ${body.name}`,
        `   type: ${body.type}   severity: ${body.severity}   occurred: ${body.occurred ?? '-'}`,
        `   details: ${body.details}`,
        `   labels: ${body.labels.map((label) => `${label.type}=${label.value}`).join(', ')}`,
        body.CustomFields && Object.keys(body.CustomFields).length > 0 ? `   custom fields: ${JSON.stringify(body.CustomFields)}` : undefined,
        '',
      ]
        .filter((line) => line !== undefined)
        .join('\n'),
    );
  }
  if (simulator.incidents().length !== SAMPLES.length) {
    process.stdout.write(`expected ${SAMPLES.length} incidents, got ${simulator.incidents().length}\n`);
    process.exitCode = 1;
  }
} finally {
  await simulator.stop();
  rmSync(work, { recursive: true, force: true });
}

/** The `command:` list of a generated rule, as the program sees it after ElastAlert's two formatting passes. */
function commandOf(ruleText) {
  return yaml.load(ruleText).command.map((arg) => arg.replaceAll('%%', '%').replaceAll('{{', '{').replaceAll('}}', '}'));
}

#!/usr/bin/env node
// `npm run mutation [module...]`: StrykerJS over one module at a time (all when none is named), each
// with its own incremental file under scripts/mutation/incremental/, so a rerun only tests mutants
// whose code or tests changed, and each module's score stands on its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODULES = {
  compile: ['src/compile/**/*.ts'],
  incident: ['src/incident/**/*.ts'],
  query: ['src/query/**/*.ts', '!src/query/**/*.d.ts'],
  simulate: ['src/simulate/**/*.ts'],
  delivery: [
    'src/runtime/deliver.ts',
    'src/runtime/plan-items.ts',
    'src/runtime/retry-policy.ts',
    'src/runtime/key-claim.ts',
    'src/runtime/ledger.ts',
    'src/runtime/spool.ts',
    'src/runtime/intake.ts',
    'src/runtime/xsoar-client.ts',
  ],
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const asked = process.argv.slice(2);
const unknown = asked.filter((m) => !(m in MODULES));
if (unknown.length > 0) {
  console.error(`ALERTSMITH_MUTATION_MODULE: unknown module ${unknown.join(', ')}; choose from ${Object.keys(MODULES).join(', ')}`);
  process.exit(2);
}

let failed = false;
for (const name of asked.length > 0 ? asked : Object.keys(MODULES)) {
  console.log(`\n== mutation testing: ${name}`);
  const r = spawnSync(
    process.execPath,
    [
      'node_modules/@stryker-mutator/core/bin/stryker.js',
      'run',
      'scripts/mutation/stryker.config.mjs',
      '--mutate',
      MODULES[name].join(','),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MUTATION_MODULE: name } },
  );
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

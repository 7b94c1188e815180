// `npm run bench`: runs every benchmark in bench/ one after the other in this one run, so that
// each prints its figures beside the baseline its issue names, measured on the same machine
// at the same time. Pass names to run some: `npm run bench -- build runtime`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('../bench/', import.meta.url);
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.mjs', '')))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file.replace('.bench.mjs', '')} ==`);
  // Each command in its own process unless a benchmark asks for the project server (ALERTSMITH_SERVER=1).
  const r = spawnSync(process.execPath, ['--expose-gc', new URL(file, dir).pathname], { stdio: 'inherit', env: { ...process.env, ALERTSMITH_SERVER: '0' } });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);

// Builds dist/: the library and CLI (tsc), and the self-contained runtime bundle
// dist/alertsmith-incident.mjs (esbuild), which runs with plain `node` and no node_modules.
// Run by `npm install` (prepare) and `npm run build:dist`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
process.chdir(fileURLToPath(root));
rmSync('dist', { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const runtimeEntry = 'src/runtime/main.ts';
if (existsSync(runtimeEntry)) {
  await build({
    entryPoints: [runtimeEntry],
    outfile: 'dist/alertsmith-incident.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync('dist/alertsmith-incident.mjs', 0o755);
}
console.log('built dist/');

// Builds dist/: the library and CLI (tsc), and the self-contained runtime bundle
// dist/alertsmith-incident.mjs (esbuild), which runs with plain `node` and no node_modules.
// Run by `npm install` (prepare) and `npm run build:dist`.
// Everything is built in a fresh folder that then replaces dist/ by renames, so that a failed
// or concurrent build never leaves a half-written dist/ behind.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { printAuthoringTypes } from './print-authoring-types.mjs';
import { bundleRuntime } from './runtime-bundle.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
mkdirSync('.cache', { recursive: true });
const staging = `.cache/dist-${process.pid}`;
const fail = (message) => {
  rmSync(staging, { recursive: true, force: true });
  console.error(`build:dist: ${message}`);
  process.exit(1);
};

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const typecheck = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', staging], { stdio: 'inherit' });
if (typecheck.status !== 0) fail('TypeScript reported the errors above; dist/ was left as it was');
// tsc emits no plain JavaScript: the CommonJS shims in src/ (with their .d.cts) are copied as they are.
for (const file of readdirSync('src', { recursive: true })) {
  if (!/\.(cjs|d\.cts)$/.test(file)) continue;
  mkdirSync(path.dirname(`${staging}/${file}`), { recursive: true });
  copyFileSync(`src/${file}`, `${staging}/${file}`);
}
try {
  printAuthoringTypes(staging);
} catch (error) {
  fail(`${error.message}\ndist/ was left as it was`);
}

const runtimeEntry = 'src/runtime/main.ts';
if (existsSync(runtimeEntry)) {
  try {
    await bundleRuntime(`${staging}/alertsmith-incident.mjs`);
  } catch {
    fail('esbuild could not bundle the runtime (see above); dist/ was left as it was');
  }
}

const old = `.cache/dist-old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(staging, 'dist');
rmSync(old, { recursive: true, force: true });
console.log('built dist/');

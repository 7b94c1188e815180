// `npm run build:exe`: dist/alertsmith-incident, the runtime as one Linux x64 executable that needs
// no Node on the host. It is the runtime bundle (scripts/runtime-bundle.mjs) packed into a copy of
// this Node as a single executable application (Node's SEA: a preparation blob with a code cache,
// injected with postject). Built in .cache/ and renamed into dist/ only once it has run.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inject } from 'postject';
import { bundleRuntimeAsScript } from './runtime-bundle.mjs';

// Node's own constant: the executable reads its blob only where this fuse was flipped to 1.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const staging = `.cache/exe-${process.pid}`;
const fail = (message) => {
  rmSync(staging, { recursive: true, force: true });
  console.error(`build:exe: ${message}`);
  process.exit(1);
};

if (process.platform !== 'linux' || process.arch !== 'x64') fail(`makes a Linux x64 executable from the running Node; this Node is ${process.platform} ${process.arch}`);
if (typeof process.getBuiltinModule !== 'function') fail(`needs Node 20.16 or later (process.getBuiltinModule); this is ${process.version}`);
if (!readFileSync(process.execPath).includes(`${SEA_FUSE}:0`)) {
  fail(`${process.execPath} cannot be made into a single executable (no SEA fuse: a distribution build linked to a shared libnode?); run this with Node from nodejs.org or NodeSource`);
}

mkdirSync(staging, { recursive: true });
const exe = `${staging}/alertsmith-incident`;
try {
  await bundleRuntimeAsScript(`${staging}/main.cjs`);
} catch (error) {
  fail(`could not bundle the runtime: ${error.message}`);
}
// A code cache compiled in: measured to start faster than without; a V8 snapshot started slower
// and prints an experimental warning on stderr (docs/runtime.md).
writeFileSync(`${staging}/sea-config.json`, JSON.stringify({ main: `${staging}/main.cjs`, output: `${staging}/sea-prep.blob`, disableExperimentalSEAWarning: true, useCodeCache: true }));
const prepared = spawnSync(process.execPath, ['--experimental-sea-config', `${staging}/sea-config.json`], { encoding: 'utf8' });
if (prepared.status !== 0) fail(`node --experimental-sea-config failed:\n${prepared.stderr}`);

copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
await inject(exe, 'NODE_SEA_BLOB', readFileSync(`${staging}/sea-prep.blob`), { sentinelFuse: SEA_FUSE });

// It must answer on its own, with nothing on PATH.
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const check = spawnSync(exe, ['--version'], { env: { PATH: '' }, encoding: 'utf8' });
if (check.status !== 0 || !check.stdout.includes(version)) fail(`the executable did not run: exit ${check.status}\n${check.stdout}${check.stderr}`);

mkdirSync('dist', { recursive: true });
renameSync(exe, 'dist/alertsmith-incident');
rmSync(staging, { recursive: true, force: true });
console.log(`built dist/alertsmith-incident (${process.version}, linux x64)`);

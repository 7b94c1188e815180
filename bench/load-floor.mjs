// The floor under a cold `build` or `test`: what any tool must do before it can look at one
// definition written in TypeScript, and nothing else. esbuild bundles the definition files in
// parts of 400 (the next bundled while the one before is evaluated, as alertsmith does), and Node
// evaluates each part: the definitions' own code, their test events and shared fixtures. No
// validation, no compiling, no output, no cache.
// Run as its own process by bench/project.bench.mjs:
//   node bench/load-floor.mjs <project folder> <definitions folder> <how many files>
// Prints one JSON line: { files, evaluateMs } (evaluateMs: the time inside Node's imports alone).
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [projectDir, definitionsDir, limit] = process.argv.slice(2);
const files = readdirSync(definitionsDir, { recursive: true })
  .filter((f) => String(f).endsWith('.ts'))
  .map((f) => path.join(definitionsDir, String(f)))
  .sort()
  .slice(0, Number(limit));

const bundle = (part) =>
  build({
    stdin: { contents: ['export const loaded = [];', ...part.map((f) => `loaded.push(require(${JSON.stringify(f)}));`)].join('\n'), resolveDir: projectDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    // The project's own node_modules/alertsmith answers the import, as Node resolves it.
    external: ['alertsmith'],
    banner: { js: "import { createRequire as __floorRequire } from 'node:module'; const require = __floorRequire(import.meta.url);" },
  });

const parts = [];
for (let i = 0; i < files.length; i += 400) parts.push(files.slice(i, i + 400));
let evaluateMs = 0;
let loaded = 0;
let next = bundle(parts[0]);
for (let i = 0; i < parts.length; i++) {
  const { outputFiles } = await next;
  next = i + 1 < parts.length ? bundle(parts[i + 1]) : undefined;
  // Written in the project folder, so that `alertsmith` resolves from its node_modules.
  const file = path.join(projectDir, `.load-floor-${process.pid}-${i}.mjs`);
  writeFileSync(file, outputFiles[0].text);
  const started = performance.now();
  try {
    loaded += (await import(pathToFileURL(file).href)).loaded.length;
  } finally {
    evaluateMs += performance.now() - started;
    rmSync(file, { force: true });
  }
}
if (loaded !== files.length) throw new Error(`loaded ${loaded} of ${files.length} definitions`);
console.log(JSON.stringify({ files: loaded, evaluateMs: Math.round(evaluateMs) }));

// The esbuild settings of the runtime bundle dist/alertsmith-incident.mjs, in one place: used
// by build-dist.mjs, by build-exe.mjs (the same bundle as the single executable's main script)
// and by the runtime tests, which build the same bundle into a temp folder.
import { build } from 'esbuild';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const root = new URL('..', import.meta.url);

function bundleOptions() {
  const version = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version;
  return {
    entryPoints: [new URL('src/runtime/main.ts', root).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    // Less to compile at every start; identifiers stay readable in an internal error's stack.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    metafile: true,
    // The bundle runs alone, without package.json beside it: its version is baked in.
    define: { __ALERTSMITH_VERSION__: JSON.stringify(version) },
  };
}

/** Bundles src/runtime/main.ts into one self-contained file; answers esbuild's metafile. */
export async function bundleRuntime(outfile) {
  const result = await build({ ...bundleOptions(), outfile, banner: { js: '#!/usr/bin/env node' } });
  chmodSync(outfile, 0o755);
  return result.metafile;
}

const builtinIds = new Set(builtinModules.flatMap((id) => [id, `node:${id}`]));
/**
 * Node built-ins taken from `process.getBuiltinModule` inside the bundle, so that it imports
 * nothing. A `require()` is left alone: it is in the watchdog's text, which runs in a worker.
 */
const builtinsFromProcess = {
  name: 'builtins-from-process',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (builtinIds.has(args.path) && args.kind !== 'require-call' ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * The same bundle as the main script of a Node single executable application, which must be one
 * CommonJS script that can load built-in modules only: built-ins come from
 * `process.getBuiltinModule` (Node 20.16+, the Node the executable is made from), and the
 * module's top-level awaits run inside one async function.
 */
export async function bundleRuntimeAsScript(outfile) {
  const result = await build({ ...bundleOptions(), write: false, outfile, plugins: [builtinsFromProcess] });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external && i.kind !== 'require-call'));
  if (imports.length > 0) throw new Error(`the runtime bundle still imports ${imports.map((i) => i.path).join(', ')}`);
  const text = result.outputFiles[0].text;
  // An internal error that escapes: exit 70 with the stack, as the .mjs bundle's unhandled rejection would.
  writeFileSync(outfile, `"use strict";(async()=>{\n${text}\n})().catch((error)=>{process.stderr.write(\`\${error?.stack??error}\\n\`);process.exit(70);});\n`);
  return result.metafile;
}

// The esbuild settings of the runtime bundle dist/alertsmith-incident.mjs, in one place: used
// by build-dist.mjs and by the runtime tests, which build the same bundle into a temp folder.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

/** Bundles src/runtime/main.ts into one self-contained file; answers esbuild's metafile. */
export async function bundleRuntime(outfile) {
  const version = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version;
  const result = await build({
    entryPoints: [new URL('src/runtime/main.ts', root).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    // Less to compile at every start; identifiers stay readable in an internal error's stack.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    metafile: true,
    // The bundle runs alone, without package.json beside it: its version is baked in.
    define: { __ALERTSMITH_VERSION__: JSON.stringify(version) },
  });
  chmodSync(outfile, 0o755);
  return result.metafile;
}

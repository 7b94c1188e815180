import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { bundleRuntimeAsScript } from '../../scripts/runtime-bundle.mjs';
import { buildBundle, SSH_FLAGS, tempDir, type Bundle } from './runtime-harness.js';

// The main script `npm run build:exe` packs into the single executable: the same bundle as one
// CommonJS script that imports nothing (a single executable's script can load built-ins only).
let bundle: Bundle;
let dir: Awaited<ReturnType<typeof tempDir>>;
let script: string;
let metafile: { outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }> };
beforeAll(async () => {
  bundle = await buildBundle();
  dir = await tempDir('alertsmith-exe-script-');
  script = join(dir.path, 'main.cjs');
  metafile = await bundleRuntimeAsScript(script);
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(bundle.dir, { recursive: true, force: true });
  await dir.remove();
});

const run = (args: string[], input: string) =>
  execa(process.execPath, args, { input, env: { PATH: '', HOME: '/nonexistent-home' }, extendEnv: false, reject: false });

describe("the single executable's main script", () => {
  it('imports no module; the only require() left is the watchdog worker text, which Node runs with its own require', async () => {
    const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external));
    expect(imports.map((i) => i.kind)).toEqual(imports.map(() => 'require-call'));
    const text = await readFile(script, 'utf8');
    // A built-in bundled as a module of its own would be a name the worker does not have.
    expect(text.match(/function watchdogProgram\([^)]*\)\{[^;]*/)![0]).toContain('__require("node:fs")');
  });

  it('runs as plain CommonJS and plans exactly what the .mjs bundle plans', async () => {
    const input = '[{"_id": "a", "_index": "logs", "host": {"name": "web-1"}, "user": {"name": "root"}, "tags": ["ssh", "x"]}]\n';
    const fromScript = await run([script, ...SSH_FLAGS, '--dry-run'], input);
    const fromBundle = await run([bundle.file, ...SSH_FLAGS, '--dry-run'], input);
    expect(fromScript.exitCode).toBe(0);
    expect(fromScript.stdout).toBe(fromBundle.stdout);
    expect(JSON.parse(fromScript.stdout)[0].body.name).toBe('SSH brute force on web-1');
  });

  it('ends a bad input with the same exit code and error line as the bundle', async () => {
    const fromScript = await run([script, ...SSH_FLAGS, '--dry-run'], 'not json');
    const fromBundle = await run([bundle.file, ...SSH_FLAGS, '--dry-run'], 'not json');
    expect(fromScript.exitCode).toBe(5);
    expect(fromScript.exitCode).toBe(fromBundle.exitCode);
    const message = (stderr: string) => stderr.split('\n').map((line) => JSON.parse(line) as { message?: string }).map((log) => log.message);
    expect(message(fromScript.stderr)).toEqual(message(fromBundle.stderr));
  });
});

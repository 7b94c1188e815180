import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, runBundle, SSH_FLAGS, tempDir, type Bundle } from './runtime-harness.js';

let bundle: Bundle;
beforeAll(async () => {
  bundle = await buildBundle();
});

describe('the runtime bundle', () => {
  it('contains no dependency package and nothing of the compiler, definitions, build or check code', () => {
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(5);
    expect(inputs.filter((i) => i.includes('node_modules'))).toEqual([]);
    expect(inputs.filter((i) => /src\/(define|compile|build|check|cli|simulator)\//.test(i))).toEqual([]);
    // Runtime code, the zod-free modules shared with the compiler (incident/, duration.ts), and the shared error class.
    expect(inputs.filter((i) => !/src\/((runtime|incident)\/|errors\.ts$|duration\.ts$)/.test(i))).toEqual([]);
  });

  it('has no trace of zod, js-yaml, ts-morph or commander in its text', async () => {
    const text = await readFile(bundle.file, 'utf8');
    for (const marker of ['ZodError', 'zod', 'js-yaml', 'YAMLException', 'ts-morph', 'commander', 'CommanderError', 'defineAlert']) {
      expect(text, marker).not.toContain(marker);
    }
  });

  it('runs after being copied alone into an empty folder', async () => {
    const dir = await tempDir('alertsmith-lonely-');
    try {
      const lonely = join(dir.path, 'alertsmith-incident.mjs');
      await copyFile(bundle.file, lonely);
      const version = await runBundle(lonely, ['--version']);
      expect(version.exitCode).toBe(0);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
      // -v, as `alertsmith -v` accepts it.
      expect(await runBundle(lonely, ['-v'])).toMatchObject({ exitCode: 0, stdout: version.stdout });
      const dry = await runBundle(lonely, [...SSH_FLAGS, '--dry-run'], { input: '[{"host": {"name": "web-1"}}]\n' });
      expect(dry.exitCode).toBe(0);
      expect(JSON.parse(dry.stdout)[0].body.name).toBe('SSH brute force on web-1');
    } finally {
      await dir.remove();
    }
  });

  it('prints its usage for --help', async () => {
    const help = await runBundle(bundle.file, ['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('alertsmith-incident replay');
  });
});

afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(bundle.dir, { recursive: true, force: true });
});

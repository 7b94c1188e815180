import type { Message, Metafile } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AlertsmithError, describeThrown } from '../../errors.js';

/** What one TypeScript module gave: its exports, or why it could not be loaded. */
export type ImportedModule =
  | {
      file: string;
      ok: true;
      exports: Record<string, unknown>;
      /** The project files it imports, directly or not (absolute; not node_modules, not alertsmith). */
      deps: string[];
    }
  | { file: string; ok: false; message: string; location?: { line: number; column: number } };

/**
 * How many modules one bundle holds. Bundles are made one after the other by esbuild in its own
 * process while the modules of the one before are evaluated (and, through `onLoaded`, checked)
 * here, so the two cores work at once: on 3,141 definitions, bundling took ~1 s that the
 * evaluation waited for when everything was one bundle.
 */
const MODULES_PER_BUNDLE = 400;
/** The first bundle is smaller: nothing runs here until it is made. */
const MODULES_IN_FIRST_BUNDLE = 100;

/**
 * Imports many TypeScript modules at once. esbuild bundles them into modules in which each
 * is `require`d on its own inside a try/catch (esbuild turns a required ES module into a lazy
 * initialiser), so one module that throws does not stop the others from loading, and there is
 * one transform for many of them instead of one loader round trip per file.
 * A module with a syntax error is reported and left out; the rest still load.
 * `onLoaded` sees each bundle's modules as soon as they are evaluated, in order.
 */
export async function importTypeScriptModules(
  files: string[],
  cwd: string,
  onLoaded?: (modules: ImportedModule[]) => void,
): Promise<ImportedModule[]> {
  const parts: string[][] = [];
  for (let i = 0; i < files.length; ) {
    const size = parts.length === 0 ? MODULES_IN_FIRST_BUNDLE : MODULES_PER_BUNDLE;
    parts.push(files.slice(i, i + size));
    i += size;
  }
  const all: ImportedModule[] = [];
  let next = parts.length > 0 ? bundleModules(parts[0]!, cwd) : undefined;
  for (let i = 0; i < parts.length; i++) {
    const bundled = await next!;
    next = i + 1 < parts.length ? bundleModules(parts[i + 1]!, cwd) : undefined;
    const loaded = bundled.bundle ? await evaluate(bundled.bundle.code, bundled.bundle.files, importedFiles(bundled.bundle.metafile, cwd)) : [];
    const byFile = new Map([...bundled.failed, ...loaded.map((m): [string, ImportedModule] => [m.file, m])]);
    const modules = parts[i]!.map(
      (f) => byFile.get(f) ?? { file: f, ok: false as const, message: 'was not loaded: errors in other files kept the definitions from being bundled' },
    );
    onLoaded?.(modules);
    all.push(...modules);
  }
  return all;
}

/** A bundle of the modules that bundle, and why the others could not be. */
interface BundledModules {
  bundle?: { code: string; metafile: Metafile; files: string[] };
  failed: Map<string, ImportedModule>;
}

async function bundleModules(files: string[], cwd: string): Promise<BundledModules> {
  const failed = new Map<string, ImportedModule>();
  let remaining = files;
  // One retry: a syntax error in a module fails the whole bundle, so bundle again without it.
  for (let attempt = 0; attempt < 2 && remaining.length > 0; attempt++) {
    const outcome = await bundle(remaining, cwd);
    if (outcome.ok) return { bundle: { code: outcome.code, metafile: outcome.metafile, files: remaining }, failed };
    const failedFiles = new Set<string>();
    const pending = new Set(remaining);
    for (const error of outcome.errors) {
      const file = error.location ? path.resolve(cwd, error.location.file) : undefined;
      const where = error.location ? `${error.location.line}:${error.location.column + 1}: ` : '';
      const owner = file && pending.has(file) ? file : undefined;
      if (owner) {
        failedFiles.add(owner);
        const location = error.location ? { line: error.location.line, column: error.location.column + 1 } : undefined;
        failed.set(owner, { file: owner, ok: false, message: `${where}${error.text}`, ...(location ? { location } : {}) });
      } else {
        // An error in a shared module: every module fails with it, since none can be bundled.
        const text = `${error.location ? `${path.relative(cwd, file!)}:${where}` : ''}${error.text}`;
        for (const f of remaining) failed.set(f, { file: f, ok: false, message: `cannot be bundled: ${text}` });
        return { failed };
      }
    }
    remaining = remaining.filter((f) => !failedFiles.has(f));
  }
  return { failed };
}

/** This package's authoring entry: index.ts when running from src/ (tests), index.js from dist/. */
const OWN_ENTRY = [new URL('../../index.js', import.meta.url), new URL('../../index.ts', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((f) => existsSync(f))!;

/**
 * From dist/, `alertsmith` (and `alertsmith/testing`) stay imports in the bundle, and the folder
 * the bundle is evaluated from gets a node_modules/alertsmith link to this package, so Node
 * resolves them to the modules already loaded here. An esbuild plugin that resolved them instead
 * answered one call per definition on this thread while it evaluated the bundle before:
 * 400 definitions bundled in 171-206 ms with it, 132-145 ms without.
 */
const OWN_PACKAGE = OWN_ENTRY.endsWith('.js') ? path.dirname(path.dirname(OWN_ENTRY)) : undefined;

/** alertsmith's own modules: what they do is keyed by alertsmith's version, not tracked per file. */
const OWN_DIR = path.dirname(OWN_ENTRY) + path.sep;

/** For each bundled file, every project file it imports, followed through the metafile's import graph. */
function importedFiles(metafile: Metafile, cwd: string): (file: string) => string[] {
  const imports = new Map<string, string[]>();
  for (const [input, { imports: list }] of Object.entries(metafile.inputs)) {
    imports.set(path.resolve(cwd, input), list.filter((i) => !i.external).map((i) => path.resolve(cwd, i.path)));
  }
  const tracked = (file: string) => !file.startsWith(OWN_DIR) && !file.includes(`${path.sep}node_modules${path.sep}`);
  return (file) => {
    const seen = new Set<string>([file]);
    const pending = [file];
    while (pending.length > 0) {
      for (const next of imports.get(pending.pop()!) ?? []) {
        if (seen.has(next) || !tracked(next)) continue;
        seen.add(next);
        pending.push(next);
      }
    }
    seen.delete(file);
    return [...seen];
  };
}

async function bundle(files: string[], cwd: string): Promise<{ ok: true; code: string; metafile: Metafile } | { ok: false; errors: Message[] }> {
  const entry = [
    'export const loaded = [];',
    ...files.map(
      (f) =>
        `try { loaded.push({ ok: true, exports: require(${JSON.stringify(f)}) }); } catch (e) { loaded.push({ ok: false, error: e }); }`,
    ),
  ].join('\n');
  // Loaded on first use: a build whose definitions all come from the cache never bundles.
  const { build } = await import('esbuild');
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: cwd, sourcefile: 'alertsmith-definitions.js', loader: 'js' },
      // Error locations are relative to this folder; `cwd` is what they are resolved against.
      absWorkingDir: cwd,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
      // Definitions get the alertsmith that compiles them, whether or not the project installed it:
      // from dist/, imported as it is (one copy, loaded once, not bundled again with each build);
      // from src/ (this project's own tests), bundled, since Node cannot import TypeScript.
      ...(OWN_PACKAGE ? { external: ['alertsmith', 'alertsmith/*'] } : { alias: { alertsmith: OWN_ENTRY } }),
      // Node built-ins stay external; a real `require` lets the bundle load them from ESM.
      banner: { js: "import { createRequire as __alertsmithRequire } from 'node:module'; const require = __alertsmithRequire(import.meta.url);" },
    });
    return { ok: true, code: result.outputFiles[0]!.text, metafile: result.metafile };
  } catch (thrown) {
    const errors = (thrown as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) return { ok: false, errors };
    throw thrown;
  }
}

async function evaluate(code: string, files: string[], depsOf: (file: string) => string[]): Promise<ImportedModule[]> {
  const dir = await temporaryFolder();
  const file = path.join(dir, 'definitions.mjs');
  try {
    try {
      if (OWN_PACKAGE) {
        await mkdir(path.join(dir, 'node_modules'));
        // A junction on Windows: a link to a folder that needs no privilege there.
        await symlink(OWN_PACKAGE, path.join(dir, 'node_modules', 'alertsmith'), 'junction');
      }
      await writeFile(file, code);
    } catch (thrown) {
      throw temporaryFolderError(thrown);
    }
    const mod = (await import(pathToFileURL(file).href)) as { loaded: ({ ok: true; exports: Record<string, unknown> } | { ok: false; error: unknown })[] };
    return mod.loaded.map((m, i) =>
      m.ok ? { file: files[i]!, ok: true, exports: m.exports, deps: depsOf(files[i]!) } : { file: files[i]!, ok: false, message: `threw on import: ${describeThrown(m.error)}` },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh folder in the temporary folder, for a bundle of definitions and its link to alertsmith. */
async function temporaryFolder(): Promise<string> {
  try {
    return await mkdtemp(path.join(os.tmpdir(), 'alertsmith-'));
  } catch (thrown) {
    throw temporaryFolderError(thrown);
  }
}

/** The definitions are loaded from the temporary folder: one that cannot be written is the user's to fix. */
function temporaryFolderError(thrown: unknown): AlertsmithError {
  return new AlertsmithError(
    'ALERTSMITH_TEMP_FOLDER',
    `cannot load the definitions through the temporary folder ${os.tmpdir()}: ${describeThrown(thrown)}; set TMPDIR to a folder you can write to that holds links`,
  );
}

import { watch, readdirSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { relativePath } from '../../check/display-path.js';

export interface WatchOptions {
  /** The project folder: its folders are watched, except node_modules, the output and dot folders. */
  root: string;
  /** Folders not to watch (the output folder), absolute. @default [] */
  ignore?: readonly string[];
  /** One run of the command; answers its exit code. */
  run: () => Promise<number>;
  /** Where the watch's own lines go. */
  write: (text: string) => void;
  /** Ends the watch (the CLI aborts it on Ctrl+C). */
  signal: AbortSignal;
}

/** Saves that come together (an editor writes a file and its backup) make one run. */
const SETTLE_MS = 100;

/**
 * `--watch`: runs the command, then again each time a file of the project is saved, until the
 * signal aborts. A run after a save redoes only what the saved file affects: everything else comes
 * from the result cache (the saved file's entry and those of every file that imports it no longer
 * match). Answers the exit code of the last run.
 */
export async function watchRuns(options: WatchOptions): Promise<number> {
  let last = await options.run();
  if (options.signal.aborted) return last;
  const changed = new Set<string>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const rerun = () => {
    timer = undefined;
    if (running) return void (timer = setTimeout(rerun, SETTLE_MS));
    const files = [...changed].sort();
    changed.clear();
    options.write(`\n${files.join(', ')} changed: running again\n`);
    running = options.run().then(
      (code) => {
        last = code;
        running = undefined;
        options.write('watching for changes (Ctrl+C to stop)\n');
      },
      (error: unknown) => {
        running = undefined;
        options.write(`the run failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  };
  const watchers: FSWatcher[] = [];
  const ignored = (file: string) =>
    file.split(path.sep).some((part) => part === 'node_modules' || part.startsWith('.')) ||
    (options.ignore ?? []).some((dir) => file === dir || file.startsWith(dir + path.sep));
  for (const dir of watchedFolders(options.root, ignored)) {
    const watcher = watch(dir.path, { recursive: dir.recursive }, (_event, name) => {
      if (!name) return;
      const file = path.join(dir.path, name.toString());
      if (ignored(file) || !/\.(m?ts|json|ndjson)$/.test(file)) return;
      changed.add(relativePath(options.root, file));
      if (!timer) timer = setTimeout(rerun, SETTLE_MS);
    });
    watchers.push(watcher);
  }
  options.write('watching for changes (Ctrl+C to stop)\n');
  await new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
  for (const w of watchers) w.close();
  if (timer) clearTimeout(timer);
  await running;
  return last;
}

/** The project folder itself (its files only), and each of its folders with everything in it. */
function watchedFolders(root: string, ignored: (file: string) => boolean): { path: string; recursive: boolean }[] {
  const folders = [{ path: root, recursive: false }];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory() && !ignored(full)) folders.push({ path: full, recursive: true });
  }
  return folders;
}

/** `--watch` from the command line: watches the folder until Ctrl+C (SIGINT) or SIGTERM, then exits cleanly. */
export async function watchUntilInterrupted(root: string, run: () => Promise<number>): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await watchRuns({ root, run, write: (text) => void process.stdout.write(text), signal: stop.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

import { join } from 'node:path';
import { readdir, stat, unlink } from '../fs-async.js';
import type { TextSink } from '../fd-io.js';
import { isTempName, syncDir } from '../durable-file.js';
import { durationMillis, parseDurationText } from '../../duration.js';
import { RUNTIME_EXIT } from '../exit-codes.js';
import type { Log } from '../log.js';
import type { RuntimeConfig } from '../runtime-config.js';
import { statePaths } from '../state-dir.js';
import { AlertsmithError } from '../../errors.js';

/**
 * Ledger entries are kept this long by default: well past ElastAlert's `alert_time_limit` (2 days
 * unless set), the longest time after which it still retries an alert with the same matches.
 */
export const DEFAULT_PRUNE_AGE = '7d';

/** Ledger files examined at once. */
const PARALLEL = 32;

/**
 * `alertsmith-incident prune [--older-than 7d]`: forgets delivered keys older than the age (by
 * the ledger file's time, which is the delivery time). Without the ledger entry, a later replay
 * of the same key asks XSOAR before creating; only a retry by ElastAlert itself would create it
 * again, hence an age longer than its retry window. Pending and rejected files are never touched.
 */
export async function runPrune(config: RuntimeConfig, olderThan: string | undefined, log: Log, stdout: TextSink): Promise<number> {
  const text = olderThan ?? DEFAULT_PRUNE_AGE;
  const parsed = parseDurationText(text);
  const ageMs = durationMillis(parsed);
  if (parsed === undefined || ageMs <= 0) {
    throw new AlertsmithError('ALERTSMITH_USAGE', `--older-than needs a duration such as 7d or 48h, not "${text}" (run alertsmith-incident --help)`, RUNTIME_EXIT.usage);
  }
  const cutoff = Date.now() - ageMs;
  const { delivered } = statePaths(config.stateDir);
  const names = (await readdir(delivered).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new AlertsmithError('ALERTSMITH_STATE_DIR', `cannot read ${delivered}: ${error.message}`, RUNTIME_EXIT.usage);
  })).filter((n) => n.endsWith('.json') && !isTempName(n));
  let removed = 0;
  for (let i = 0; i < names.length; i += PARALLEL) {
    const results = await Promise.all(names.slice(i, i + PARALLEL).map(async (name) => {
      const path = join(delivered, name);
      const modified = await stat(path).then((s) => s.mtimeMs, () => undefined);
      if (modified === undefined || modified >= cutoff) return false;
      await unlink(path).catch(() => undefined);
      return true;
    }));
    removed += results.filter(Boolean).length;
  }
  if (removed > 0) await syncDir(delivered);
  const summary = { removed, kept: names.length - removed, olderThan: text };
  log.write('info', 'pruned', summary);
  stdout.write(`${JSON.stringify(summary)}\n`);
  return RUNTIME_EXIT.delivered;
}

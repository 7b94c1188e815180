import { join } from 'node:path';
import { readdir, stat, unlink } from '../fs-async.js';
import type { TextSink } from '../fd-io.js';
import { isTempName, syncDir } from '../durable-file.js';
import { INTAKE_SUFFIX } from '../intake.js';
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

/**
 * What XSOAR refused and unusable inputs are kept this long by default: time for someone to
 * look at them. Over-limit inputs are kept whole, so without an age the folder grows without end.
 */
export const DEFAULT_REJECTED_PRUNE_AGE = '30d';

/** Files examined at once. */
const PARALLEL = 32;

/**
 * `alertsmith-incident prune [--older-than 7d] [--rejected-older-than 30d]`: forgets delivered
 * keys older than the first age (by the ledger file's time, which is the delivery time), and
 * removes files in rejected/ older than the second. Without the ledger entry, a later replay of
 * the same key asks XSOAR before creating; only a retry by ElastAlert itself would create it
 * again, hence an age longer than its retry window. Pending files are never touched.
 */
export async function runPrune(config: RuntimeConfig, ages: { olderThan?: string; rejectedOlderThan?: string }, log: Log, stdout: TextSink): Promise<number> {
  const ledgerAge = ages.olderThan ?? DEFAULT_PRUNE_AGE;
  const rejectedAge = ages.rejectedOlderThan ?? DEFAULT_REJECTED_PRUNE_AGE;
  const now = Date.now();
  const { delivered, rejected, pending } = statePaths(config.stateDir);
  // Ledger entries written since the oldest intake still waiting are kept whatever their age:
  // `replay` creates an intake's incidents that have no trace without asking XSOAR first.
  const cutoff = Math.min(now - ageMillis('--older-than', ledgerAge), await oldestIntakeTime(pending));
  const ledger = await pruneFolder(delivered, cutoff, (n) => n.endsWith('.json'));
  const refused = await pruneFolder(rejected, now - ageMillis('--rejected-older-than', rejectedAge), () => true);
  const summary = {
    removed: ledger.removed, kept: ledger.kept, olderThan: ledgerAge,
    rejectedRemoved: refused.removed, rejectedKept: refused.kept, rejectedOlderThan: rejectedAge,
  };
  log.write('info', 'pruned', summary);
  stdout.write(`${JSON.stringify(summary)}\n`);
  return RUNTIME_EXIT.delivered;
}

function ageMillis(flag: string, text: string): number {
  const parsed = parseDurationText(text);
  const ms = durationMillis(parsed);
  if (parsed === undefined || ms <= 0) {
    throw new AlertsmithError('ALERTSMITH_USAGE', `${flag} needs a duration such as 7d or 48h, not "${text}" (run alertsmith-incident --help)`, RUNTIME_EXIT.usage);
  }
  return ms;
}

/** When the oldest intake in pending/ was written (epoch ms); +Infinity when there is none. */
async function oldestIntakeTime(pendingDir: string): Promise<number> {
  const names = (await readdir(pendingDir).catch(() => [] as string[])).filter((n) => n.endsWith(INTAKE_SUFFIX));
  const times = await Promise.all(names.map((n) => stat(join(pendingDir, n)).then((s) => s.mtimeMs, () => Number.POSITIVE_INFINITY)));
  return Math.min(Number.POSITIVE_INFINITY, ...times);
}

/** Removes the files of `dir` (temp files aside) last written before `cutoff`. */
async function pruneFolder(dir: string, cutoff: number, wanted: (name: string) => boolean): Promise<{ removed: number; kept: number }> {
  const names = (await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new AlertsmithError('ALERTSMITH_STATE_DIR', `cannot read ${dir}: ${error.message}`, RUNTIME_EXIT.usage);
  })).filter((n) => wanted(n) && !isTempName(n));
  let removed = 0;
  for (let i = 0; i < names.length; i += PARALLEL) {
    const results = await Promise.all(names.slice(i, i + PARALLEL).map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined || !info.isFile() || info.mtimeMs >= cutoff) return false;
      await unlink(path).catch(() => undefined);
      return true;
    }));
    removed += results.filter(Boolean).length;
  }
  if (removed > 0) await syncDir(dir);
  return { removed, kept: names.length - removed };
}

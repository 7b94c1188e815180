import { readdir } from '../fs-async.js';
import type { TextSink } from '../fd-io.js';
import { isTempName } from '../durable-file.js';
import { INTAKE_SUFFIX } from '../intake.js';
import { RUNTIME_EXIT } from '../exit-codes.js';
import type { RuntimeConfig } from '../runtime-config.js';
import { statePaths } from '../state-dir.js';

/** `alertsmith-incident status`: counts of the state folder, as one JSON object on stdout. */
export async function runStatus(config: RuntimeConfig, stdout: TextSink): Promise<number> {
  const paths = statePaths(config.stateDir);
  const list = (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[]);
  const pending = await list(paths.pending);
  const rejected = await list(paths.rejected);
  const delivered = await list(paths.delivered);
  const json = (names: string[]): number => names.filter((n) => n.endsWith('.json') && !isTempName(n)).length;
  const status = {
    stateDir: paths.root,
    pending: json(pending),
    /** Saved stdin of runs still at work, killed, or stopped by their deadline with incidents untried (replay delivers those). */
    intakes: pending.filter((n) => n.endsWith(INTAKE_SUFFIX)).length,
    inProgress: pending.filter((n) => n.endsWith('.claim')).length,
    rejected: rejected.filter((n) => !isTempName(n) && (n.endsWith('.raw') || (n.endsWith('.json') && !n.startsWith('input-') && !n.endsWith('.reason.json')))).length,
    delivered: json(delivered),
  };
  stdout.write(`${JSON.stringify(status)}\n`);
  return RUNTIME_EXIT.delivered;
}

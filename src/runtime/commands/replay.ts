import { readdir, rename, stat, unlink } from '../fs-async.js';
import { join } from 'node:path';
import { ByteBudget, deliverIncidents, REQUEST_BYTES_IN_FLIGHT, type DeliveryItem } from '../deliver.js';
import { hostName } from '../builtins.js';
import { isTempName, writeFileAtomic } from '../durable-file.js';
import { claimKey, isAlive } from '../key-claim.js';
import { INTAKE_SUFFIX, readIntake, removeIntake, type IntakeHeader } from '../intake.js';
import { parsePythonJson } from '../../incident/python-json.js';
import type { Log } from '../log.js';
import type { RuntimeConfig } from '../runtime-config.js';
import { planDeliveryItems } from '../plan-items.js';
import { readPending } from '../spool.js';
import { ensureStateDirs, statePaths } from '../state-dir.js';
import { createXsoarClient } from '../xsoar-client.js';
import { matchesFromJson, summarise } from './send.js';

const intakesReplayed: string[] = [];

/**
 * An intake whose process is gone (killed mid-batch): plan its incidents again. They count as
 * spooled, so each is looked up in XSOAR before being created.
 */
async function replayIntake(path: string, name: string, items: DeliveryItem[], rejectedDir: string, log: Log): Promise<void> {
  const intake = await readIntake(path);
  if ('invalid' in intake) {
    if (intake.invalid === 'gone') return;
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    // An intake is written whole by rename, so a bad one is foreign; keep it aside, never delete it.
    if (age > ABANDONED_TEMP_MS) await rename(path, join(rejectedDir, name)).catch(() => undefined);
    log.write('error', 'bad-intake', { file: name, reason: intake.invalid });
    return;
  }
  const { header } = intake;
  if (isInUse(header)) return; // still being delivered by its process
  let matches: unknown[] | undefined;
  try {
    matches = matchesFromJson(parsePythonJson(intake.text));
  } catch {
    matches = undefined;
  }
  if (matches === undefined) {
    await rename(path, join(rejectedDir, name)).catch(() => undefined);
    log.write('error', 'bad-intake', { file: name, reason: 'the saved input is not a JSON array of matches' });
    return;
  }
  items.push(...planDeliveryItems(matches, header.mapping, { origin: 'intake', intake: path }));
  intakesReplayed.push(path);
}

/** Whether the process that wrote an intake may still be delivering it. */
function isInUse(header: IntakeHeader): boolean {
  if (header.expiresAt !== undefined && Date.now() > header.expiresAt) return false;
  return header.host === hostName() && isAlive(header.pid);
}

/** Temp files older than this belong to a writer that was killed. */
const ABANDONED_TEMP_MS = 60_000;

/**
 * `alertsmith-incident replay`: delivers everything in pending/. Each incident is first looked
 * up in XSOAR by its de-duplication label, since the run that spooled it may have sent it.
 */
export async function runReplay(config: RuntimeConfig, log: Log): Promise<number> {
  const started = Date.now();
  const paths = statePaths(config.stateDir);
  await ensureStateDirs(paths);
  const items: DeliveryItem[] = [];
  const names = (await readdir(paths.pending)).sort();
  const spooled = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  for (const name of names) {
    const path = join(paths.pending, name);
    if (isTempName(name) || name.endsWith('.takeover')) {
      const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > ABANDONED_TEMP_MS) await unlink(path).catch(() => undefined);
      continue;
    }
    if (name.endsWith('.claim')) {
      const key = name.slice(0, -'.claim'.length);
      // A claim left by a killed process on a key with nothing pending (it was delivered just
      // before the kill): taking it over through the normal path removes it safely.
      if (!spooled.has(key)) {
        const claim = await claimKey(paths.pending, key, Date.now() + 1_000);
        if (claim.status === 'claimed') await claim.release();
      }
      continue;
    }
    if (name.endsWith(INTAKE_SUFFIX)) {
      await replayIntake(path, name, items, paths.rejected, log);
      continue;
    }
    if (!name.endsWith('.json')) continue;
    const record = await readPending(path);
    if ('invalid' in record) {
      if (record.invalid === 'gone') continue;
      // Cannot happen through this program (atomic writes); kept aside rather than lost or retried forever.
      await rename(path, join(paths.rejected, `unreadable-${name}`)).catch(() => undefined);
      await writeFileAtomic(join(paths.rejected, `unreadable-${name}.reason.json`), `${JSON.stringify({ reason: `pending file ${record.invalid}` })}\n`);
      log.write('error', 'rejected', { file: name, reason: `pending file ${record.invalid}` });
      continue;
    }
    items.push({ key: record.key, rule: record.rule, body: () => record.body, origin: 'pending' });
  }
  const report = await deliverIncidents(items, {
    paths, config, log, deadline: started + config.deadlineMs, connect: () => createXsoarClient(config), budget: new ByteBudget(REQUEST_BYTES_IN_FLIGHT),
  });
  // An intake is done with once each of its incidents is delivered, pending on its own, or rejected.
  for (const done of intakesReplayed.splice(0)) if (!report.keptIntakes.has(done)) await removeIntake(done);
  return summarise(report, log, started, { command: 'replay', found: items.length });
}

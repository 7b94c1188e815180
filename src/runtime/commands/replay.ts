import { readdir, rename, stat, unlink } from '../fs-async.js';
import { join } from 'node:path';
import { ByteBudget, deliverIncidents, REQUEST_BYTES_IN_FLIGHT, type DeliveryItem, type DeliveryReport } from '../deliver.js';
import { bootTime, hostName } from '../builtins.js';
import { isTempName, writeFileAtomic } from '../durable-file.js';
import { claimKey, isAlive } from '../key-claim.js';
import { isDelivered } from '../ledger.js';
import { INTAKE_SUFFIX, readIntake, removeIntake, type IntakeHeader } from '../intake.js';
import { parsePythonJson } from '../../incident/python-json.js';
import type { Log } from '../log.js';
import type { RuntimeConfig } from '../runtime-config.js';
import { planDeliveryItems } from '../plan-items.js';
import { readPending } from '../spool.js';
import { ensureStateDirs, statePaths, type StatePaths } from '../state-dir.js';
import { createXsoarClient } from '../xsoar-client.js';
import { WATCHDOG_PHASE, type Watchdog } from '../watchdog.js';
import { matchesFromJson, summarise } from './send.js';

/**
 * The incidents of an intake whose process is gone (killed mid-batch, or stopped by its deadline),
 * planned again; undefined when there is nothing to replay (in use, gone, or unreadable and put
 * aside). Those the run may have sent (a claim or pending file says so) are looked up in XSOAR first.
 */
async function intakeItems(path: string, name: string, rejectedDir: string, log: Log): Promise<DeliveryItem[] | undefined> {
  const intake = await readIntake(path);
  if ('invalid' in intake) {
    if (intake.invalid === 'gone') return undefined;
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
    // An intake is written whole by rename, so a bad one is foreign; keep it aside, never delete it.
    if (age > ABANDONED_TEMP_MS) await rename(path, join(rejectedDir, name)).catch(() => undefined);
    log.write('error', 'bad-intake', { file: name, reason: intake.invalid });
    return undefined;
  }
  const { header } = intake;
  if (isInUse(header)) return undefined; // still being delivered by its process
  let matches: unknown[] | undefined;
  try {
    matches = matchesFromJson(parsePythonJson(intake.text));
  } catch {
    matches = undefined;
  }
  if (matches === undefined) {
    await rename(path, join(rejectedDir, name)).catch(() => undefined);
    log.write('error', 'bad-intake', { file: name, reason: 'the saved input is not a JSON array of matches' });
    return undefined;
  }
  // Saved before this host last started: a power cut may have taken claims that were not on disk yet.
  const savedBeforeBoot = !(Date.parse(header.receivedAt) >= bootTime());
  return planDeliveryItems(matches, header.mapping, { origin: 'intake', intake: path, searchFirst: savedBeforeBoot });
}

/** Whether the process that wrote an intake may still be delivering it. */
function isInUse(header: IntakeHeader): boolean {
  if (header.expiresAt !== undefined && Date.now() > header.expiresAt) return false;
  return header.host === hostName() && isAlive(header.pid);
}

/** Temp files older than this belong to a writer that was killed. */
const ABANDONED_TEMP_MS = 60_000;

/** Pending files read and delivered at a time: a long outage can leave tens of thousands. */
const REPLAY_BATCH = 500;

/**
 * `alertsmith-incident replay`: delivers everything in pending/, spooled incidents a batch at a
 * time, then each intake of a run that is gone. A spooled incident, or one whose key a killed
 * process still claims, is first looked up in XSOAR by its de-duplication label, since it may
 * have been sent; an intake's incidents without such a trace were never sent and are created.
 */
export async function runReplay(config: RuntimeConfig, log: Log, watchdog?: Watchdog): Promise<number> {
  const started = Date.now();
  const deadline = started + config.deadlineMs;
  const paths = statePaths(config.stateDir);
  await ensureStateDirs(paths);
  watchdog?.phase(WATCHDOG_PHASE.safe);
  const names = (await readdir(paths.pending)).sort();
  const spooled = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  const pendingNames: string[] = [];
  const intakeNames: string[] = [];
  for (const name of names) {
    const path = join(paths.pending, name);
    if (isTempName(name) || name.endsWith('.takeover')) {
      const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > ABANDONED_TEMP_MS) await unlink(path).catch(() => undefined);
    } else if (name.endsWith('.claim')) {
      const key = name.slice(0, -'.claim'.length);
      // A claim left by a killed process on a key delivered just before the kill: taking it over
      // through the normal path removes it. Any other claim stays: it is the trace that a send
      // may have happened, which makes delivery search XSOAR before creating that key.
      if (!spooled.has(key) && (await isDelivered(paths.delivered, key))) {
        const claim = await claimKey(paths.pending, key, Date.now() + 1_000);
        if (claim.status === 'claimed') await claim.release();
      }
    } else if (name.endsWith(INTAKE_SUFFIX)) intakeNames.push(name);
    else if (name.endsWith('.json')) pendingNames.push(name);
  }

  const total: DeliveryReport = { delivered: 0, alreadyDelivered: 0, pending: 0, rejected: 0, keptIntakes: new Set() };
  let found = 0;
  const stopped = (): boolean => total.halted !== undefined || Date.now() >= deadline;
  const deliver = async (items: DeliveryItem[]): Promise<DeliveryReport> => {
    found += items.length;
    const report = await deliverIncidents(items, {
      paths, config, log, deadline, connect: () => createXsoarClient(config), budget: new ByteBudget(REQUEST_BYTES_IN_FLIGHT),
    });
    addReport(total, report);
    return report;
  };

  for (let i = 0; i < pendingNames.length; i += REPLAY_BATCH) {
    const batch = pendingNames.slice(i, i + REPLAY_BATCH);
    if (stopped()) {
      // Not even read: they stay as they are, pending.
      found += batch.length;
      total.pending += batch.length;
      continue;
    }
    await deliver(await readPendingItems(batch, paths, log));
  }
  for (const name of intakeNames) {
    const path = join(paths.pending, name);
    if (stopped()) {
      total.keptIntakes.add(path);
      continue;
    }
    const items = await intakeItems(path, name, paths.rejected, log);
    if (items === undefined) continue;
    const report = await deliver(items);
    // Done with once each of its incidents is delivered, pending on its own, or rejected.
    if (!report.keptIntakes.has(path)) await removeIntake(path);
  }
  return summarise(total, log, started, { command: 'replay', found });
}

/** The spooled incidents of these pending files; a file that is not one is put aside under rejected/. */
async function readPendingItems(names: string[], paths: StatePaths, log: Log): Promise<DeliveryItem[]> {
  const items: DeliveryItem[] = [];
  for (const name of names) {
    const path = join(paths.pending, name);
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
  return items;
}

/** Adds one delivery's counts to the running total (the first halt is the one reported). */
function addReport(total: DeliveryReport, report: DeliveryReport): void {
  total.delivered += report.delivered;
  total.alreadyDelivered += report.alreadyDelivered;
  total.pending += report.pending;
  total.rejected += report.rejected;
  for (const intake of report.keptIntakes) total.keptIntakes.add(intake);
  total.halted ??= report.halted;
  total.configError ??= report.configError;
}

import { access } from './fs-async.js';
import type { IncidentBody } from '../incident/incident-body.js';
import { syncDir } from './durable-file.js';
import { HttpFailure } from './http-request.js';
import { releaseMemory } from './memory-release.js';
import { claimKey, type ClaimResult } from './key-claim.js';
import { isDelivered, recordDelivered } from './ledger.js';
import type { Log } from './log.js';
import { backoffMs, classifyCreateResponse, classifySearchFailure, type CreateOutcome } from './retry-policy.js';
import { AFTER_DEADLINE_MS, type RuntimeConfig } from './runtime-config.js';
import { pendingPath, removePending, writePending, writeRejected } from './spool.js';
import type { StatePaths } from './state-dir.js';
import { SearchFailed, type XsoarClient } from './xsoar-client.js';
import { AlertsmithError } from '../errors.js';

/** One incident to deliver, fresh from stdin or read back from the spool. */
export interface DeliveryItem {
  key: string;
  rule: string;
  /** Makes the body when it is needed (see plan-items.ts): only bodies being sent are alive. */
  body(): IncidentBody;
  /**
   * Where it comes from: this run's stdin; the saved stdin (intake) of a run that was killed or
   * stopped by its deadline; or its own file in pending/. The last two may have been sent already; only the last has a
   * pending file that keeps it if this run cannot deliver it.
   */
  origin: 'stdin' | 'intake' | 'pending';
  /** The intake file that holds it (stdin and intake origins): what keeps it if it is never tried. */
  intake?: string;
  /**
   * Search XSOAR before creating even without a claim or pending file: an intake saved before the
   * host last restarted, whose claims (not fsync'd, for speed) a power cut may have taken away.
   * @default false
   */
  searchFirst?: boolean;
  /** Rough bytes its body takes, for the in-flight budget. @default 0 */
  sizeHint?: number;
}

export interface DeliveryReport {
  delivered: number;
  alreadyDelivered: number;
  pending: number;
  rejected: number;
  /**
   * Intakes still needed: the deadline came before some of their incidents were tried. Those stay
   * in the intake (counted as pending), for `replay` or ElastAlert's retry to deliver.
   */
  keptIntakes: Set<string>;
  /** Why sending stopped early (key refused, wrong URL, no configuration), if it did. */
  halted?: string;
  /** Set when the configuration made sending impossible: everything was spooled. */
  configError?: AlertsmithError;
}

export interface DeliveryContext {
  paths: StatePaths;
  config: RuntimeConfig;
  log: Log;
  /** Epoch ms after which nothing more is sent: the rest stays pending. */
  deadline: number;
  connect(): Promise<XsoarClient>;
  random?: () => number;
  /** Bytes of bodies being sent or spooled at once: keeps a batch of huge matches within memory. */
  budget: ByteBudget;
}

/**
 * A byte semaphore: up to `limit` bytes in flight; a single body larger than the limit may go,
 * alone. Small bodies never wait, so ordinary batches keep their full concurrency.
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async acquire(bytes: number): Promise<() => void> {
    while (this.used > 0 && this.used + bytes > this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used += bytes;
    return () => {
      this.used -= bytes;
      for (const wake of this.waiting.splice(0)) wake();
    };
  }
}

/** Default in-flight body budget: 8 requests of ordinary size never notice it. @default 32 MiB */
export const REQUEST_BYTES_IN_FLIGHT = 32 * 1024 * 1024;

/** Kept free before the deadline for what follows delivery: spooling what is in flight, folder syncs, exit. */
const EXIT_MARGIN_MS = 250;
const WAIT_POLL_MS = 50;
/** An attempt needs at least this long before the deadline to be worth starting. */
const MIN_ATTEMPT_MS = 100;

interface Claimed {
  item: DeliveryItem;
  claim: Extract<ClaimResult, { status: 'claimed' }>;
  /** An earlier attempt may have created the incident: search XSOAR before creating. */
  mayExist: boolean;
  /** A pending file exists for it (read from the spool, or written after a failed attempt). */
  spooled: boolean;
}

/**
 * Delivers incidents so that each ends delivered (ledger), pending (spool) or rejected. The
 * caller has made the input durable first (the intake, see intake.ts); here each key is claimed,
 * sent with bounded concurrency, retries with backoff inside the deadline, and written to
 * pending/ (fsync'd) as soon as an attempt fails, so that it survives whatever happens next.
 * Keys another live process holds are waited for until the deadline.
 *
 * At the deadline nothing new is started. An incident never tried (or still held by another
 * process) stays in its intake, which the caller then keeps: spooling thousands of files one
 * fsync at a time would itself hold ElastAlert past the deadline (~0.3 ms of wall time each
 * here: 18 s for 50,000). An item read from pending/ simply stays there.
 */
export async function deliverIncidents(items: DeliveryItem[], ctx: DeliveryContext): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, alreadyDelivered: 0, pending: 0, rejected: 0, keptIntakes: new Set() };
  const busy: DeliveryItem[] = [];
  const claimExpiry = ctx.deadline + AFTER_DEADLINE_MS;
  const sendBy = ctx.deadline - EXIT_MARGIN_MS;
  let spooledAny = false;
  const spool = (item: DeliveryItem, body: IncidentBody): Promise<void> => {
    spooledAny = true;
    return writePending(ctx.paths.pending, { format: 1, key: item.key, rule: item.rule, body, spooledAt: new Date().toISOString() });
  };
  let leftInIntakes = 0;
  /** Not tried in this run: it stays pending, in its intake or pending file (spooled without a claim: a pending file for a key is always safe). */
  const leaveForLater = async (item: DeliveryItem, reason: string): Promise<void> => {
    if (await isDelivered(ctx.paths.delivered, item.key)) {
      await alreadyDone(item, ctx, report);
      return;
    }
    report.pending++;
    if (item.origin === 'pending') return;
    if (item.intake !== undefined) {
      report.keptIntakes.add(item.intake);
      leftInIntakes++;
      return;
    }
    await spool(item, item.body());
    ctx.log.write('warn', 'pending', { rule: item.rule, key: item.key, reason });
  };

  let client: XsoarClient | undefined;
  let connecting: Promise<XsoarClient | undefined> | undefined;
  const connect = (): Promise<XsoarClient | undefined> => {
    connecting ??= ctx.connect().then(
      (c) => (client = c),
      (error: unknown) => {
        if (!(error instanceof AlertsmithError)) throw error;
        report.configError = error;
        report.halted = error.message;
        return undefined;
      },
    );
    return connecting;
  };

  // The first request of a run goes alone: a refused key or a wrong URL then costs one request,
  // not one per request in flight. The others start once it is answered, whatever the answer.
  let firstAnswered: (() => void) | undefined;
  let firstAnswer: Promise<void> | undefined;
  const send = async (c: Claimed): Promise<void> => {
    if (firstAnswer === undefined) firstAnswer = new Promise<void>((resolve) => (firstAnswered = resolve));
    else await firstAnswer;
    // The body, its JSON and the request buffer exist only inside this budgeted section.
    const size = c.item.sizeHint ?? 0;
    const release = await ctx.budget.acquire(size);
    let outcome: SendOutcome;
    try {
      outcome = await sendOne(c, await connect(), { ...ctx, sendBy, spool, answered: () => firstAnswered?.() }, report);
    } finally {
      firstAnswered?.();
      release();
      await c.claim.release();
      await releaseMemory(size);
    }
    // The time ran out between claiming it and sending it: nothing was sent, so it stays where it is.
    if (outcome === 'untried') await leaveForLater(c.item, 'deadline reached');
  };
  /** Too late to start an attempt that could still be answered: what is left stays for later. */
  const tooLateToTry = (): boolean => sendBy - Date.now() < MIN_ATTEMPT_MS;

  await inParallel(items, ctx.config.concurrency, async (item) => {
    if (await isDelivered(ctx.paths.delivered, item.key)) {
      await alreadyDone(item, ctx, report);
      return;
    }
    if (tooLateToTry()) {
      await leaveForLater(item, 'deadline reached');
      return;
    }
    // Halted (key refused, wrong URL): nothing more is sent; each stays where it is kept.
    if (report.halted !== undefined && report.configError === undefined) {
      await leaveForLater(item, report.halted);
      return;
    }
    const claim = await claimKey(ctx.paths.pending, item.key, claimExpiry);
    if (claim.status === 'busy') {
      busy.push(item);
      return;
    }
    // Checked again under the claim: another process may have delivered and released it just now.
    if (await isDelivered(ctx.paths.delivered, item.key)) {
      await claim.release();
      await alreadyDone(item, ctx, report);
    } else {
      // A key that was ever sent left a trace: its ledger entry (checked above), its pending file
      // (written as soon as an attempt fails, perhaps after XSOAR had acted) or its claim (a process
      // killed mid-send: taken over here as recovered). Without one it was never sent, whether it
      // comes from stdin or from an intake, and is created without a search first; unless the host
      // restarted since its intake was saved, when a claim may not have reached the disk.
      const spooled = item.origin === 'pending' || (await exists(pendingPath(ctx.paths.pending, item.key)));
      await send({ item, claim, mayExist: claim.recovered || spooled || item.searchFirst === true, spooled });
    }
  });

  // Keys another live process was delivering: wait for its outcome, or take over when it is gone.
  await inParallel(busy, ctx.config.concurrency, async (item) => {
    while (!tooLateToTry()) {
      if (await isDelivered(ctx.paths.delivered, item.key)) {
        await alreadyDone(item, ctx, report);
        return;
      }
      const claim = await claimKey(ctx.paths.pending, item.key, claimExpiry);
      if (claim.status === 'claimed') {
        if (await isDelivered(ctx.paths.delivered, item.key)) {
          await claim.release();
          await alreadyDone(item, ctx, report);
          return;
        }
        // The other process may have sent it before leaving: always ask XSOAR first.
        await send({ item, claim, mayExist: true, spooled: await exists(pendingPath(ctx.paths.pending, item.key)) });
        return;
      }
      await sleep(WAIT_POLL_MS);
    }
    // Still held elsewhere at our deadline: keep it, so nothing depends on the other process.
    await leaveForLater(item, 'another alertsmith-incident process is delivering this key');
  });

  if (leftInIntakes > 0) {
    ctx.log.write('warn', 'deadline', { left: leftInIntakes, note: 'not tried before the deadline: kept in the saved input, alertsmith-incident replay (or ElastAlert retrying the alert) delivers them' });
  }
  client?.close();
  // Only folders that gained files need a sync: a removal that a power cut undoes (an intake, a
  // pending file or a claim coming back) is harmless, since the synced ledger says what is done.
  if (report.delivered > 0) await syncDir(ctx.paths.delivered);
  if (spooledAny) await syncDir(ctx.paths.pending);
  if (report.rejected > 0) await syncDir(ctx.paths.rejected);
  return report;
}

/** What one send needs besides the shared context: when to stop, and how to spool. */
interface SendContext extends DeliveryContext {
  /** No new attempt starts after this (epoch ms). */
  sendBy: number;
  spool(item: DeliveryItem, body: IncidentBody): Promise<void>;
  /** Called after each answer (or failure) of a request. */
  answered(): void;
}

/**
 * `untried`: the deadline came before the first attempt, so nothing was sent and nothing counted;
 * the caller leaves the incident where it came from (its intake), as it does for the items after it.
 */
type SendOutcome = 'settled' | 'untried';

async function sendOne(c: Claimed, client: XsoarClient | undefined, ctx: SendContext, report: DeliveryReport): Promise<SendOutcome> {
  const { item } = c;
  const body = item.body();
  const random = ctx.random ?? Math.random;
  let reason = report.halted ?? 'not sent';
  for (let attempt = 0; client !== undefined && report.halted === undefined && attempt < ctx.config.maxAttempts; attempt++) {
    const remaining = ctx.sendBy - Date.now();
    // Too short to be answered: it could only create an incident this run never learns of.
    if (remaining < MIN_ATTEMPT_MS) {
      // Untried, unless an earlier run may have sent it (a claim taken over, a pending file): then
      // this claim is the trace of that send, and it must become a pending file, not vanish.
      if (attempt === 0 && !c.mayExist) return 'untried';
      // Keep what the last attempt ran into: that is what the operator has to fix.
      reason = `${reason}; deadline reached`;
      break;
    }
    const timeout = Math.min(ctx.config.requestTimeoutMs, remaining);
    let wait: number | undefined;
    let outcome: CreateOutcome;
    try {
      if (c.mayExist) {
        const existing = await client.findByKey(item.key, timeout);
        if (existing !== null) {
          await delivered(c, existing, ctx, report, 'found-existing');
          return 'settled';
        }
        c.mayExist = false;
      }
      const res = await client.create(body, Math.min(ctx.config.requestTimeoutMs, Math.max(1, ctx.sendBy - Date.now())));
      const retryAfter = res.headers['retry-after'];
      outcome = classifyCreateResponse({ ...res, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter }, Date.now());
    } catch (error) {
      if (error instanceof SearchFailed) {
        outcome = classifySearchFailure(error, Date.now());
      } else if (error instanceof HttpFailure) {
        outcome = { kind: 'retry', reason: `${error.code}: ${error.message}`, mayHaveCreated: error.mayHaveArrived };
      } else {
        // A search reply we cannot read: retrying is safe, creating blindly is not.
        outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error), mayHaveCreated: c.mayExist };
      }
    }
    ctx.answered();
    if (outcome.kind === 'created') {
      await delivered(c, outcome.incidentId, ctx, report, 'delivered');
      return 'settled';
    }
    if (outcome.kind === 'reject') {
      await writeRejected(ctx.paths.rejected, {
        format: 1, key: item.key, rule: item.rule, reason: outcome.reason, status: outcome.status, body, rejectedAt: new Date().toISOString(),
      });
      if (c.spooled) await removePending(ctx.paths.pending, item.key);
      report.rejected++;
      ctx.log.write('error', 'rejected', { rule: item.rule, key: item.key, status: outcome.status, reason: outcome.reason });
      return 'settled';
    }
    if (outcome.kind === 'halt') {
      if (report.halted === undefined) {
        report.halted = outcome.reason;
        ctx.log.write('error', 'halted', { status: outcome.status, reason: outcome.reason });
      }
      reason = outcome.reason;
      break;
    }
    reason = outcome.reason;
    wait = outcome.retryAfterMs;
    if (outcome.mayHaveCreated) c.mayExist = true;
    if (!c.spooled) {
      // Durable before waiting: whatever happens during the backoff, the incident is in pending/.
      await ctx.spool(item, body);
      c.spooled = true;
    }
    // No wait after the last attempt: it would only hold ElastAlert up.
    if (attempt + 1 >= ctx.config.maxAttempts) break;
    const pause = wait ?? backoffMs(attempt, random());
    if (Date.now() + pause >= ctx.sendBy) {
      reason = `${reason}; deadline reached`;
      break;
    }
    ctx.log.write('warn', 'retry', { rule: item.rule, key: item.key, attempt: attempt + 1, waitMs: pause, reason });
    await sleep(pause);
  }
  if (!c.spooled) await ctx.spool(item, body);
  report.pending++;
  ctx.log.write('warn', 'pending', { rule: item.rule, key: item.key, reason });
  return 'settled';
}

async function delivered(c: Claimed, incidentId: string | null, ctx: DeliveryContext, report: DeliveryReport, event: string): Promise<void> {
  const { item } = c;
  await recordDelivered(ctx.paths.delivered, { key: item.key, rule: item.rule, incidentId, deliveredAt: new Date().toISOString() });
  if (c.spooled) await removePending(ctx.paths.pending, item.key);
  report.delivered++;
  ctx.log.write('info', event, { rule: item.rule, key: item.key, incident: incidentId });
}

async function alreadyDone(item: DeliveryItem, ctx: DeliveryContext, report: DeliveryReport): Promise<void> {
  // A spooled copy of a delivered key (written by a process that waited on it) is obsolete.
  if (item.origin === 'pending') await removePending(ctx.paths.pending, item.key);
  report.alreadyDelivered++;
  ctx.log.write('info', 'already-delivered', { rule: item.rule, key: item.key });
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

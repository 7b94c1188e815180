import { join } from 'node:path';
import type { TextSink } from '../fd-io.js';
import { writeText } from '../fs-async.js';
import { mappingFromValues, type ParsedMappingValues } from '../../incident/command-flags.js';
import { planIncidents } from '../../incident/incident-body.js';
import { isRecord } from '../../incident/field-lookup.js';
import { parsePythonJson } from '../../incident/python-json.js';
import { ByteBudget, deliverIncidents, REQUEST_BYTES_IN_FLIGHT, type DeliveryReport } from '../deliver.js';
import { removeIntake, writeIntake } from '../intake.js';
import { uniqueSuffix } from '../durable-file.js';
import { RUNTIME_EXIT } from '../exit-codes.js';
import type { Log } from '../log.js';
import { releaseMemory } from '../memory-release.js';
import { planDeliveryItems } from '../plan-items.js';
import { decodeChunks, isBlank, isUtf8Chunks, readStdin } from '../read-stdin.js';
import type { RuntimeConfig } from '../runtime-config.js';
import type { XsoarClient } from '../xsoar-client.js';
import { writeRejectedInput } from '../spool.js';
import { ensureStateDirs, isFileSystemError, stateDirError, statePaths } from '../state-dir.js';
import { AlertsmithError } from '../../errors.js';
import { printUnsavedInput } from '../unsaved-input.js';
import { WATCHDOG_PHASE, type Watchdog } from '../watchdog.js';

export interface SendOptions {
  values: ParsedMappingValues;
  dryRun: boolean;
  config: RuntimeConfig;
  log: Log;
  stdinFd: number;
  stdout: TextSink;
  /** Told where the run is, so that it can keep the input if it has to end the process. */
  watchdog?: Watchdog;
}

/** Inputs up to this size are handed to the watchdog until they are durable (a copy). */
const WATCHDOG_INPUT_BYTES = 16 * 1024 * 1024;

/** The default command: matches on stdin -> incidents in XSOAR (or, with --dry-run, on stdout). */
export async function runSend(o: SendOptions): Promise<number> {
  const started = Date.now();
  const deadline = started + o.config.deadlineMs;
  const result = mappingFromValues(o.values);
  if (!result.ok) throw new AlertsmithError('ALERTSMITH_USAGE', `${result.errors.join('; ')} (run alertsmith-incident --help)`);
  const mapping = result.mapping;
  const log = o.log;
  const paths = statePaths(o.config.stateDir);
  if (!o.dryRun) {
    try {
      await ensureStateDirs(paths);
    } catch (error) {
      // No folder can keep the input: print it, so that ElastAlert's log holds it.
      if (error instanceof AlertsmithError) {
        o.watchdog?.phase(WATCHDOG_PHASE.readingStdin);
        const input = readStdin(o.stdinFd, o.config.maxInputBytes);
        printUnsavedInput(log, input.ok ? input.chunks : [], o.config.maxInputBytes);
      }
      throw error;
    }
    o.watchdog?.phase(WATCHDOG_PHASE.readingStdin);
  }
  // Loading the HTTP stack is work for this thread; keeping the input (below) is mostly waiting
  // for the disk: started now, the one is done while the other waits.
  const client = o.dryRun ? undefined : startClient(o.config);

  const badInput = async (reason: string, raw: Uint8Array | undefined, bytes: number, savedTo?: string): Promise<number> => {
    let saved = savedTo;
    if (saved === undefined && raw !== undefined && !o.dryRun) {
      saved = await writeRejectedInput(paths.rejected, raw, { reason, rule: mapping.rule, bytes });
    }
    log.write('error', 'bad-input', { rule: mapping.rule, reason, bytes, ...(saved !== undefined ? { savedTo: saved } : {}) });
    return RUNTIME_EXIT.badInput;
  };

  const input = readStdin(o.stdinFd, o.config.maxInputBytes, o.dryRun ? undefined : () => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return join(paths.rejected, `input-${stamp}-${uniqueSuffix()}.raw`);
  });
  if (!input.ok) {
    const reason = `stdin is larger than the limit of ${o.config.maxInputBytes} bytes (ALERTSMITH_MAX_INPUT_BYTES)`;
    if (input.savedTo !== undefined) {
      await writeText(input.savedTo.replace(/\.raw$/, '.json'), `${JSON.stringify({ format: 1, reason, rule: mapping.rule, bytes: input.bytes, raw: input.savedTo, savedAt: new Date().toISOString() })}\n`, 0o600);
    }
    return badInput(reason, undefined, input.bytes, input.savedTo);
  }
  const { bytes, chunks } = input;
  if (o.watchdog !== undefined && bytes <= WATCHDOG_INPUT_BYTES) {
    o.watchdog.holdInput(chunks);
    o.watchdog.phase(WATCHDOG_PHASE.holding);
  }
  if (isBlank(chunks)) {
    return badInput('stdin is empty: ElastAlert pipes the matches as JSON (pipe_match_json: true)', Buffer.concat(chunks), bytes);
  }
  if (!isUtf8Chunks(chunks)) return badInput('stdin is not UTF-8 text', Buffer.concat(chunks), bytes);
  // Durable before anything else happens to it: see intake.ts.
  let intake: string | undefined;
  if (!o.dryRun) {
    try {
      intake = await writeIntake(paths.pending, mapping, chunks, deadline);
    } catch (error) {
      // A full disk, a read-only or failing mount: the input cannot be kept there, so it is printed.
      if (!isFileSystemError(error)) throw error;
      printUnsavedInput(log, chunks, o.config.maxInputBytes);
      throw stateDirError(paths.root, paths.pending, error);
    }
  }
  o.watchdog?.phase(WATCHDOG_PHASE.safe);
  // From here the decoded text is the only copy: each raw chunk is let go once decoded.
  let text: string | undefined = decodeChunks(chunks);
  await releaseMemory(bytes);

  let matches: unknown[] | undefined;
  let problem: string | undefined;
  try {
    matches = matchesFromJson(parsePythonJson(text));
    if (matches === undefined) problem = 'stdin must be a JSON array of match objects (or one match object)';
  } catch (error) {
    problem = `stdin is not JSON: ${(error as Error).message.slice(0, 200)}`;
  }
  if (matches === undefined) {
    const code = await badInput(problem!, Buffer.from(text, 'utf8'), bytes);
    if (intake !== undefined) await removeIntake(intake);
    return code;
  }
  text = undefined;
  await releaseMemory(bytes);
  if (matches.length === 0) {
    log.write('warn', 'no-matches', { rule: mapping.rule });
    if (intake !== undefined) await removeIntake(intake);
    return RUNTIME_EXIT.delivered;
  }

  const matchCount = matches.length;
  const missing = new Set<string>();
  const reportMissing = (): void => {
    if (missing.size > 0) log.write('warn', 'missing-fields', { rule: mapping.rule, fields: [...missing], note: 'rendered as <missing path>' });
  };

  if (o.dryRun) {
    // One match at a time, each let go once printed: a preview of 100 MB must not hold it all twice.
    const groups = mapping.incidentPer === 'alert' ? [matches] : matches.map((m) => [m]);
    matches = undefined;
    await writeJsonArray(o.stdout, groups.length, (i) => {
      const [p] = planIncidents(groups[i]!, mapping);
      groups[i] = [];
      for (const f of p!.missingFields) missing.add(f);
      return JSON.stringify({ key: p!.key, body: p!.body, missingFields: p!.missingFields });
    }, bytes);
    reportMissing();
    return RUNTIME_EXIT.delivered;
  }
  const items = planDeliveryItems(matches, mapping, { origin: 'stdin', missing, ...(intake !== undefined ? { intake } : {}) });
  matches = undefined;
  // The bodies planned above for their keys are garbage now; for a large input, collect them.
  await releaseMemory(bytes);
  reportMissing();

  const report = await deliverIncidents(
    items,
    { paths, config: o.config, log, deadline, connect: () => client!, budget: new ByteBudget(REQUEST_BYTES_IN_FLIGHT) },
  );
  // Every incident is delivered, pending or rejected: unless the deadline left some untried in
  // it, the intake has served its purpose.
  if (intake !== undefined && !report.keptIntakes.has(intake)) await removeIntake(intake);
  return summarise(report, log, started, { rule: mapping.rule, matches: matchCount });
}

/** The XSOAR client, being made; its configuration errors surface when delivery first connects. */
function startClient(config: RuntimeConfig): Promise<XsoarClient> {
  const client = import('../xsoar-client.js').then(({ createXsoarClient }) => createXsoarClient(config));
  // Not awaited on every path (bad input ends the run first): a rejection is handled where it is used.
  client.catch(() => undefined);
  return client;
}

/** ElastAlert's matches: an array of objects, or one object. Anything else answers undefined. */
export function matchesFromJson(parsed: unknown): unknown[] | undefined {
  const matches = Array.isArray(parsed) ? parsed : isRecord(parsed) ? [parsed] : undefined;
  return matches !== undefined && matches.every(isRecord) ? matches : undefined;
}

/** Logs the summary line and answers the exit code for a delivery. */
export function summarise(report: DeliveryReport, log: Log, started: number, extra: Record<string, unknown>): number {
  const { configError, keptIntakes, ...counts } = report;
  log.write(report.pending > 0 || report.rejected > 0 ? 'warn' : 'info', 'summary', {
    ...extra, ...counts, ...(keptIntakes.size > 0 ? { keptIntakes: keptIntakes.size } : {}), ms: Date.now() - started,
  });
  if (configError !== undefined) {
    log.write('error', 'error', { code: configError.code, message: `${configError.message}; the incidents are pending: run alertsmith-incident replay once fixed` });
    return configError.exitCode;
  }
  if (report.pending > 0) return RUNTIME_EXIT.pending;
  if (report.rejected > 0) return RUNTIME_EXIT.rejected;
  return RUNTIME_EXIT.delivered;
}

/** Writes a JSON array one element per line, producing each element only when the stream wants more. */
async function writeJsonArray(out: TextSink, count: number, item: (index: number) => string, inputBytes: number): Promise<void> {
  let sinceRelease = 0;
  const write = async (chunk: string): Promise<void> => {
    out.write(chunk);
    // Each printed element leaves its copies behind (rendered text, rawJSON, the JSON line).
    sinceRelease += chunk.length;
    if (sinceRelease > 32 * 1024 * 1024) {
      sinceRelease = 0;
      await releaseMemory(inputBytes);
    }
  };
  await write('[');
  for (let i = 0; i < count; i++) await write(`${i === 0 ? '\n' : ',\n'}${item(i)}`);
  await write(count > 0 ? '\n]\n' : ']\n');
}

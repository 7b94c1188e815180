import { readText, unlink } from './fs-async.js';
import { join } from 'node:path';
import type { IncidentBody } from '../incident/incident-body.js';
import { uniqueSuffix, writeFileAtomic } from './durable-file.js';

/** One incident waiting in `pending/<key>.json`. */
export interface PendingRecord {
  format: 1;
  key: string;
  rule: string;
  body: IncidentBody;
  spooledAt: string;
}

/** One incident XSOAR refused as invalid, in `rejected/<key>.json`. */
export interface RejectedRecord {
  format: 1;
  key: string;
  rule: string;
  reason: string;
  status?: number;
  body: IncidentBody;
  rejectedAt: string;
}

export function pendingPath(pendingDir: string, key: string): string {
  return join(pendingDir, `${key}.json`);
}

export async function writePending(pendingDir: string, record: PendingRecord): Promise<void> {
  await writeFileAtomic(pendingPath(pendingDir, record.key), `${JSON.stringify(record)}\n`);
}

export async function removePending(pendingDir: string, key: string): Promise<void> {
  await unlink(pendingPath(pendingDir, key)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/** Reads a pending record; answers a reason string when the file is not one. */
export async function readPending(path: string): Promise<PendingRecord | { invalid: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { invalid: 'gone' };
    return { invalid: 'not valid JSON' };
  }
  const r = parsed as Partial<PendingRecord>;
  if (r.format !== 1 || typeof r.key !== 'string' || typeof r.rule !== 'string' || typeof r.body !== 'object' || r.body === null) {
    return { invalid: 'not a pending incident record' };
  }
  return r as PendingRecord;
}

export async function writeRejected(rejectedDir: string, record: RejectedRecord): Promise<void> {
  await writeFileAtomic(join(rejectedDir, `${record.key}.json`), `${JSON.stringify(record)}\n`);
}

/**
 * Keeps unusable stdin: the raw bytes in `input-<time>-<pid>-<random>.raw` and the reason beside
 * it in a `.json` of the same name, so an operator can fix and re-feed it.
 */
export async function writeRejectedInput(
  rejectedDir: string,
  raw: Uint8Array,
  info: { reason: string; rule?: string; bytes: number },
): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = join(rejectedDir, `input-${stamp}-${uniqueSuffix()}`);
  await writeFileAtomic(`${base}.raw`, raw);
  await writeFileAtomic(`${base}.json`, `${JSON.stringify({ format: 1, ...info, raw: `${base}.raw`, savedAt: new Date().toISOString() })}\n`);
  return `${base}.raw`;
}

import { readBytes, unlink } from './fs-async.js';
import { join } from 'node:path';
import type { IncidentMapping } from '../incident/mapping.js';
import { hostName } from './builtins.js';
import { syncDir, uniqueSuffix, writeFileAtomic } from './durable-file.js';
import { AFTER_DEADLINE_MS } from './runtime-config.js';

/**
 * The intake: before anything is sent, the whole stdin is written once, fsync'd, to
 * `pending/intake-<time>-<pid>-<random>.intake` (a JSON header line with the mapping, then the raw
 * bytes). One durable file per invocation rather than one per incident keeps a 1,000-match
 * alert fast, yet `kill -9` at any point loses nothing: `replay` re-plans the incidents of an
 * intake whose process is gone, and the ledger and XSOAR's labels make that exactly-once.
 * The intake is removed once every incident is delivered, in pending/ or in rejected/; it is
 * kept when the deadline came before some incidents were tried, and `replay` delivers those.
 */
export interface IntakeHeader {
  format: 1;
  mapping: IncidentMapping;
  pid: number;
  host: string;
  receivedAt: string;
  /**
   * Epoch ms after which its process has surely finished with it (its deadline plus a margin):
   * a replay then takes it over even when the pid is alive again (reused) or on another host.
   */
  expiresAt?: number;
}

export const INTAKE_SUFFIX = '.intake';

export async function writeIntake(pendingDir: string, mapping: IncidentMapping, raw: Uint8Array[], deadline: number): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(pendingDir, `intake-${stamp}-${uniqueSuffix()}${INTAKE_SUFFIX}`);
  const header: IntakeHeader = {
    format: 1, mapping, pid: process.pid, host: hostName(), receivedAt: new Date().toISOString(), expiresAt: deadline + AFTER_DEADLINE_MS,
  };
  await writeFileAtomic(path, [Buffer.from(`${JSON.stringify(header)}\n`), ...raw]);
  await syncDir(pendingDir);
  return path;
}

export async function removeIntake(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

export async function readIntake(path: string): Promise<{ header: IntakeHeader; text: string } | { invalid: string }> {
  let data: Buffer;
  try {
    data = await readBytes(path);
  } catch {
    return { invalid: 'gone' };
  }
  const newline = data.indexOf(0x0a);
  if (newline < 0) return { invalid: 'no header line' };
  try {
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as IntakeHeader;
    if (header.format !== 1 || typeof header.mapping?.rule !== 'string') return { invalid: 'not an intake header' };
    return { header, text: data.subarray(newline + 1).toString('utf8') };
  } catch {
    return { invalid: 'unreadable header' };
  }
}

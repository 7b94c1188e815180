import { access, readText } from './fs-async.js';
import { join } from 'node:path';
import { createExclusive } from './durable-file.js';

/** A ledger entry: this key was created in XSOAR as this incident. */
export interface LedgerEntry {
  key: string;
  rule: string;
  incidentId: string | null;
  deliveredAt: string;
}

/**
 * The ledger of delivered keys: `delivered/<key>.json`, created with O_EXCL so concurrent
 * writers never clobber each other. The entry is written after XSOAR answered and before the
 * pending file is removed, so a crash in between leaves a pending file that the next run
 * resolves by searching XSOAR for the key's label instead of creating a second incident.
 */
export function ledgerPath(deliveredDir: string, key: string): string {
  return join(deliveredDir, `${key}.json`);
}

export async function isDelivered(deliveredDir: string, key: string): Promise<boolean> {
  try {
    await access(ledgerPath(deliveredDir, key));
    return true;
  } catch {
    return false;
  }
}

export async function recordDelivered(deliveredDir: string, entry: LedgerEntry): Promise<void> {
  await createExclusive(ledgerPath(deliveredDir, entry.key), `${JSON.stringify(entry)}\n`);
}

export async function readLedgerEntry(deliveredDir: string, key: string): Promise<LedgerEntry | undefined> {
  try {
    return JSON.parse(await readText(ledgerPath(deliveredDir, key))) as LedgerEntry;
  } catch {
    return undefined;
  }
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDelivered, ledgerPath, readLedgerEntry, recordDelivered, type LedgerEntry } from '../../src/runtime/ledger.js';
import { tempDir } from './temp-dir.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('alertsmith-ledger-');
});
afterEach(async () => {
  await dir.remove();
});

const entry: LedgerEntry = { key: 'k1', rule: 'r', incidentId: '42', deliveredAt: '2026-01-01T00:00:00.000Z' };

describe('the ledger of delivered keys', () => {
  it('records a key as delivered/<key>.json, one JSON line, and reads it back', async () => {
    expect(ledgerPath(dir.path, 'k1')).toBe(join(dir.path, 'k1.json'));
    expect(await isDelivered(dir.path, 'k1')).toBe(false);
    expect(await readLedgerEntry(dir.path, 'k1')).toBeUndefined();
    await recordDelivered(dir.path, entry);
    expect(await isDelivered(dir.path, 'k1')).toBe(true);
    expect(await readFile(join(dir.path, 'k1.json'), 'utf8')).toBe(`${JSON.stringify(entry)}\n`);
    expect(await readLedgerEntry(dir.path, 'k1')).toEqual(entry);
  });

  it('never overwrites an entry another writer made first', async () => {
    await recordDelivered(dir.path, entry);
    await recordDelivered(dir.path, { ...entry, incidentId: '43' });
    expect((await readLedgerEntry(dir.path, 'k1'))!.incidentId).toBe('42');
  });
});

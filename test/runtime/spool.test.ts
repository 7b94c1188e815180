import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentBody } from '../../src/incident/incident-body.js';
import { pendingPath, readPending, removePending, writePending, writeRejected, writeRejectedInput, type PendingRecord } from '../../src/runtime/spool.js';
import { tempDir } from './temp-dir.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('alertsmith-spool-');
});
afterEach(async () => {
  await dir.remove();
});

const body: IncidentBody = { name: 'n', type: 'T', severity: 1, details: '', labels: [], rawJSON: '{}' };
const record: PendingRecord = { format: 1, key: 'k1', rule: 'r', body, spooledAt: '2026-01-01T00:00:00.000Z' };

describe('the spool of pending incidents', () => {
  it('writes pending/<key>.json as one JSON line, reads it back, and removes it (twice is fine)', async () => {
    await writePending(dir.path, record);
    expect(pendingPath(dir.path, 'k1')).toBe(join(dir.path, 'k1.json'));
    expect(await readFile(join(dir.path, 'k1.json'), 'utf8')).toBe(`${JSON.stringify(record)}\n`);
    expect(await readPending(pendingPath(dir.path, 'k1'))).toEqual(record);
    await removePending(dir.path, 'k1');
    await removePending(dir.path, 'k1');
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('says why a file is not a pending record', async () => {
    expect(await readPending(join(dir.path, 'gone.json'))).toEqual({ invalid: 'gone' });
    await writeFile(join(dir.path, 'bad.json'), '{not json');
    expect(await readPending(join(dir.path, 'bad.json'))).toEqual({ invalid: 'not valid JSON' });
    for (const wrong of [
      { ...record, format: 2 }, { ...record, key: 1 }, { ...record, rule: null }, { ...record, body: 'x' }, { ...record, body: null },
    ]) {
      await writeFile(join(dir.path, 'wrong.json'), JSON.stringify(wrong));
      expect(await readPending(join(dir.path, 'wrong.json')), JSON.stringify(wrong)).toEqual({ invalid: 'not a pending incident record' });
    }
  });

  it('fails on anything but a missing file when removing', async () => {
    await writeFile(join(dir.path, 'k1.json'), '');
    await expect(removePending(join(dir.path, 'k1.json', 'below-a-file'), 'x')).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('keeps a refused incident and unusable input under rejected/, the reason beside the raw bytes', async () => {
    await writeRejected(dir.path, { format: 1, key: 'k2', rule: 'r', reason: 'invalid', status: 400, body, rejectedAt: 'now' });
    expect(JSON.parse(await readFile(join(dir.path, 'k2.json'), 'utf8'))).toMatchObject({ key: 'k2', reason: 'invalid', status: 400 });
    const raw = await writeRejectedInput(dir.path, Buffer.from('not json'), { reason: 'invalid JSON', bytes: 8 });
    expect(raw).toMatch(/[/]input-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-.+\.raw$/);
    expect(await readFile(raw, 'utf8')).toBe('not json');
    const info = JSON.parse(await readFile(raw.replace(/\.raw$/, '.json'), 'utf8'));
    expect(info).toMatchObject({ format: 1, reason: 'invalid JSON', bytes: 8, raw });
    expect(typeof info.savedAt).toBe('string');
  });
});

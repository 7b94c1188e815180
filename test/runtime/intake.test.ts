import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentMapping } from '../../src/incident/mapping.js';
import { INTAKE_SUFFIX, readIntake, removeIntake, writeIntake } from '../../src/runtime/intake.js';
import { AFTER_DEADLINE_MS } from '../../src/runtime/runtime-config.js';
import { tempDir } from './temp-dir.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir('alertsmith-intake-');
});
afterEach(async () => {
  await dir.remove();
});

const mapping: IncidentMapping = {
  rule: 'r', name: 'n', type: 'T', details: '', labels: [], severity: 1, customFields: {},
  createInvestigation: false, timestampField: '@timestamp', incidentPer: 'match',
};

describe('the intake', () => {
  it('keeps the whole input behind a header naming its mapping, process, host and expiry, and reads it back', async () => {
    const path = await writeIntake(dir.path, mapping, [Buffer.from('[{"a":'), Buffer.from('1}]\né')], 1_000);
    expect(path.startsWith(join(dir.path, 'intake-'))).toBe(true);
    // The time in the name has no : or . (not allowed in file names everywhere).
    expect(path.slice(dir.path.length)).toMatch(/^[/]intake-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[^/]+\.intake$/);
    expect(path.endsWith(INTAKE_SUFFIX)).toBe(true);
    expect(INTAKE_SUFFIX).toBe('.intake');
    const back = await readIntake(path);
    expect(back).toEqual({
      header: { format: 1, mapping, pid: process.pid, host: hostname(), receivedAt: expect.any(String), expiresAt: 1_000 + AFTER_DEADLINE_MS },
      text: '[{"a":1}]\né',
    });
    await removeIntake(path);
    await removeIntake(path);
    expect(await readdir(dir.path)).toEqual([]);
  });

  it('says why a file is not an intake', async () => {
    const file = join(dir.path, 'x.intake');
    expect(await readIntake(file)).toEqual({ invalid: 'gone' });
    const cases: [string, string][] = [
      ['{"format":1}', 'no header line'],
      ['{"format":2,"mapping":{"rule":"r"}}\n[]', 'not an intake header'],
      ['{"format":1,"mapping":{}}\n[]', 'not an intake header'],
      ['{"format":1}\n[]', 'not an intake header'],
      ['{not json\n[]', 'unreadable header'],
      ['\n[]', 'unreadable header'],
    ];
    for (const [text, invalid] of cases) {
      await writeFile(file, text);
      expect(await readIntake(file), text).toEqual({ invalid });
    }
  });
});

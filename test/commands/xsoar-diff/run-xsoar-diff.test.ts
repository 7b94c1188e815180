import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runXsoarDiff } from '../../../src/commands/xsoar-diff/run-xsoar-diff.js';
import { AlertsmithError } from '../../../src/errors.js';
import { startXsoarSimulator, type SimulatorContent, type XsoarSimulator } from '../../../src/simulator/index.js';
import { anyDefinition, captureStream, definitionSource, tempProject } from '../build/temp-project.js';

let sim: XsoarSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

/** Two detections: types "Brute Force" and "Port Scan", fields sourceip (text) and failures (number). */
function project(): string {
  return tempProject({
    'definitions/ssh.ts': definitionSource(anyDefinition('ssh', {
      xsoar: { type: 'Brute Force', severity: 'high', customFields: { sourceip: '{{source.ip}}', failures: '{{num_hits}}' }, customFieldTypes: { failures: 'number' } },
    })),
    'definitions/scan.ts': definitionSource(anyDefinition('scan', { xsoar: { type: 'Port Scan', severity: 'low', customFields: { sourceip: '{{source.ip}}' } } })),
  });
}

const everything: SimulatorContent = {
  incidentTypes: ['Brute Force', 'Port Scan', 'Phishing'],
  incidentFields: [
    { cliName: 'sourceip', type: 'shortText', associatedToAll: true },
    { cliName: 'failures', type: 'number', associatedTypes: ['Brute Force'] },
  ],
};
/** XSOAR without the "Port Scan" type and the "failures" field. */
const lacking: SimulatorContent = {
  incidentTypes: ['Brute Force', 'Phishing'],
  incidentFields: [{ cliName: 'sourceip', type: 'shortText', associatedToAll: true }],
};

async function diff(cwd: string, env: Record<string, string>, format?: string) {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await runXsoarDiff({ cwd, env, stdout, stderr, ...(format ? { format } : {}) });
  return { code, out: stdout.text(), err: stderr.text() };
}

const xsoar6 = (s: XsoarSimulator) => ({ DEMISTO_BASE_URL: s.url, DEMISTO_API_KEY: 'sim-api-key' });
const xsoar8 = (s: XsoarSimulator) => ({ DEMISTO_BASE_URL: s.url, DEMISTO_API_KEY: 'sim-api-key', DEMISTO_API_KEY_ID: '1' });

describe('alertsmith xsoar diff against the simulator', () => {
  for (const [flavour, envOf, typesPath, fieldsPath] of [
    ['XSOAR 6', xsoar6, '/incidenttype', '/incidentfields'],
    ['XSOAR 8', xsoar8, '/xsoar/incidenttype', '/xsoar/public/v1/incidentfields'],
  ] as const) {
    it(`${flavour}: lists a missing incident type and a missing field, exit 1`, async () => {
      sim = await startXsoarSimulator({ content: lacking });
      const { code, out } = await diff(project(), envOf(sim));
      expect(code).toBe(1);
      expect(out).toContain('  error    XSOAR has no incident type "Port Scan" (used by scan)');
      expect(out).toContain('  error    XSOAR has no incident field "failures" (number) (used by ssh)');
      expect(out).toContain('2 errors, 0 warnings');
      expect(out).not.toContain('Brute Force"');
      expect(sim.requests().map((r) => `${r.method} ${r.path}`).sort()).toEqual([`GET ${fieldsPath}`, `GET ${typesPath}`].sort());
    });

    it(`${flavour}: passes, exit 0, when XSOAR has everything the detections use`, async () => {
      sim = await startXsoarSimulator({ content: everything });
      const { code, out } = await diff(project(), envOf(sim));
      expect(out).toBe(`XSOAR at ${sim.url} has the 2 incident types and 2 custom fields the detections use\n`);
      expect(code).toBe(0);
    });
  }

  it('finds the XSOAR 8 lists from a base URL that already ends in the public API prefix', async () => {
    sim = await startXsoarSimulator({ content: lacking });
    const { code, out } = await diff(project(), { ...xsoar8(sim), DEMISTO_BASE_URL: `${sim.url}/xsoar/public/v1` });
    expect(code).toBe(1);
    expect(out).toContain('XSOAR has no incident type "Port Scan"');
    expect(sim.requests().map((r) => r.path).sort()).toEqual(['/xsoar/incidenttype', '/xsoar/public/v1/incidentfields']);
  });

  it('reports a field whose type would take another kind of value as an error, text types and associations as warnings', async () => {
    sim = await startXsoarSimulator({
      content: {
        incidentTypes: ['Brute Force', 'Port Scan'],
        incidentFields: [{ cliName: 'sourceip', type: 'longText', associatedTypes: ['Brute Force'] }, { cliName: 'failures', type: 'shortText', associatedTypes: ['Brute Force'] }],
      },
    });
    const { code, out } = await diff(project(), xsoar6(sim), 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as { ok: boolean; findings: { level: string; kind: string; name: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => `${f.level} ${f.kind} ${f.name}`)).toEqual([
      'error field-type failures',
      'warning field-type sourceip',
      'warning field-not-associated sourceip',
    ]);
  });

  it('writes GitHub annotations on the file of the detection concerned', async () => {
    sim = await startXsoarSimulator({ content: lacking });
    const { code, out } = await diff(project(), xsoar6(sim), 'github');
    expect(code).toBe(1);
    expect(out).toContain('::error file=definitions/scan.ts,title=alertsmith xsoar diff missing-type::XSOAR has no incident type "Port Scan" (used by scan)\n');
  });

  it('reads the runtime\'s JSON config file for the URL and key, and refuses one others can read', async () => {
    sim = await startXsoarSimulator({ content: everything });
    const cwd = project();
    const file = path.join(cwd, 'xsoar.json');
    writeFileSync(file, JSON.stringify({ url: sim.url, apiKey: 'sim-api-key', apiKeyId: '1' }));
    chmodSync(file, 0o600);
    const stdout = captureStream();
    expect(await runXsoarDiff({ cwd, env: {}, xsoarConfig: 'xsoar.json', stdout, stderr: captureStream() })).toBe(0);
    expect(sim.requests().map((r) => r.path)).toContain('/xsoar/incidenttype');
    chmodSync(file, 0o644);
    await expect(runXsoarDiff({ cwd, env: {}, xsoarConfig: 'xsoar.json', stdout, stderr: captureStream() })).rejects.toMatchObject({ code: 'ALERTSMITH_CONFIG_UNSAFE' });
  });

  it('says in one line what to fix when XSOAR refuses the key or cannot be reached', async () => {
    sim = await startXsoarSimulator({ content: everything });
    const refused = runXsoarDiff({ cwd: project(), env: { DEMISTO_BASE_URL: sim.url, DEMISTO_API_KEY: 'wrong' }, stdout: captureStream(), stderr: captureStream() });
    await expect(refused).rejects.toThrow(AlertsmithError);
    await expect(refused).rejects.toMatchObject({ code: 'ALERTSMITH_XSOAR_REFUSED', exitCode: 2, message: expect.stringContaining('the API key was refused (403)') });
    const url = sim.url;
    await sim.stop();
    sim = undefined;
    await expect(runXsoarDiff({ cwd: project(), env: { DEMISTO_BASE_URL: url, DEMISTO_API_KEY: 'k' }, stdout: captureStream(), stderr: captureStream() }))
      .rejects.toMatchObject({ code: 'ALERTSMITH_XSOAR_UNREACHABLE', message: expect.stringContaining('nothing accepts connections') });
    await expect(runXsoarDiff({ cwd: project(), env: {}, stdout: captureStream(), stderr: captureStream() })).rejects.toMatchObject({ code: 'ALERTSMITH_NO_URL' });
  });

  it('refuses an unknown format before asking anything', async () => {
    await expect(runXsoarDiff({ cwd: project(), env: {}, format: 'sarif' })).rejects.toMatchObject({ code: 'ALERTSMITH_BAD_FORMAT' });
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runReport, type ReportOptions } from '../../../src/commands/report/run-report.js';
import { runTest } from '../../../src/commands/test/run-test.js';
import { anyDefinition, captureStream, definitionSource, tempProject } from '../build/temp-project.js';
import { SAMPLE_BUNDLE } from '../../attack/sample-attack-data.js';

/** A project of three detections: one with techniques (its first case reads a fixture), one with a tactic only, one without tests. */
const repo = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

async function report(options: Partial<ReportOptions>, cwd = repo) {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await runReport({ cwd, stdout, stderr, ...options });
  return { code, out: stdout.text(), err: stderr.text() };
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'alertsmith-report-'));

describe('alertsmith report', () => {
  it('writes the layer, the catalog and the summary into --out, naming each file', async () => {
    const out = tempDir();
    const r = await report({ out });
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter(Boolean).map((l) => path.basename(l))).toEqual(['catalog.html', 'attack-layer.json', 'summary.md']);
    const layer = JSON.parse(readFileSync(path.join(out, 'attack-layer.json'), 'utf8'));
    expect(layer.techniques.map((t: { techniqueID: string; tactic?: string }) => `${t.techniqueID}/${t.tactic}`)).toEqual(['T1110/credential-access', 'T1110.001/credential-access']);
    const html = readFileSync(path.join(out, 'catalog.html'), 'utf8');
    expect(html.match(/<tr class="detection"/g)).toHaveLength(3);
    // The first case of brute-force reads its events from a fixture file next to the definition.
    expect(html).toContain('&quot;Brute force from 203.0.113.9&quot; severity 3, type &quot;Brute Force&quot;');
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('3 detections, 2 ATT&CK techniques, 2 of 14 tactics covered.');
    expect(summary).toContain('## Detections without tests (1)\n\n- `ata-alert` ATA alert');
  });

  it('writes one format to stdout with --out -, and refuses --out - for several', async () => {
    const r = await report({ out: '-', format: 'markdown' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# alertsmith report\n/);
    await expect(report({ out: '-' })).rejects.toMatchObject({ code: 'ALERTSMITH_USAGE' });
    await expect(report({ format: 'pdf' })).rejects.toMatchObject({ code: 'ALERTSMITH_USAGE', message: expect.stringContaining('"pdf"') });
  });

  it('reads test status from alertsmith test --format json', async () => {
    const dir = tempDir();
    const json = captureStream();
    await runTest({ cwd: repo, format: 'json', stdout: json, stderr: captureStream() });
    const results = JSON.parse(json.text());
    const brute = results.detections.find((d: { id: string }) => d.id === 'brute-force');
    brute.passed = false;
    brute.cases[1].passed = false;
    results.detections = results.detections.filter((d: { id: string }) => d.id !== 'silent-source');
    writeFileSync(path.join(dir, 'tests.json'), JSON.stringify(results));
    const r = await report({ out: '-', format: 'markdown', tests: path.join(dir, 'tests.json') });
    expect(r.out).toContain('1 detection passed, 1 failed, 1 not in the test results.\n\n- `brute-force`: 1 of 2 passed\n- `silent-source`: not in the test results\n');
    const html = await report({ out: '-', format: 'html', tests: path.join(dir, 'tests.json') });
    expect(html.out).toMatch(/<tr class="detection" data-id="ata-alert" data-status="no tests"/);
    expect(html.out).toMatch(/<tr class="detection" data-id="brute-force" data-status="failed"/);
    expect(html.out).toMatch(/<tr class="detection" data-id="silent-source" data-status="not run"/);
  });

  it('refuses a --tests file that is not test output, with one clear error', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'tests.json'), '{"passed": 1}');
    await expect(report({ tests: path.join(dir, 'tests.json') })).rejects.toMatchObject({
      code: 'ALERTSMITH_REPORT_TESTS',
      message: expect.stringContaining('is not the output of `alertsmith test --format json`'),
    });
    await expect(report({ tests: path.join(dir, 'missing.json') })).rejects.toMatchObject({ code: 'ALERTSMITH_REPORT_TESTS' });
  });

  it('lists new and removed detections against a --base definitions folder', async () => {
    const base = tempProject({ 'brute-force.ts': '', 'team/ata-alert.ts': '', 'retired-rule.ts': '', '_fields.d.ts': '', 'notes.md': '' });
    const r = await report({ out: '-', format: 'markdown', base });
    expect(r.out).toContain('New (1):\n\n- `silent-source` Silent source');
    expect(r.out).toContain('Removed (1):\n\n- `retired-rule`\n');
    await expect(report({ base: path.join(base, 'nope') })).rejects.toMatchObject({ code: 'ALERTSMITH_REPORT_BASE' });
  });

  it('reads a --base folder of generated rules by the rules alertsmith wrote', async () => {
    const header = '# Generated by alertsmith from "definitions/x.ts". Do not edit.\n';
    const base = tempProject({ 'brute-force.yaml': header, 'ata-alert.yaml': header, 'silent-source.yaml': header, 'hand-written.yaml': 'name: x\n' });
    const r = await report({ out: '-', format: 'markdown', base });
    expect(r.out).toContain('No detection added or removed.');
  });

  it('names techniques from --attack-data', async () => {
    const r = await report({ out: '-', format: 'html', attackData: SAMPLE_BUNDLE });
    expect(r.out).toContain('<span class="id">T1110</span><span class="name">Brute Force</span>');
  });
});

describe('alertsmith report on a project with an invalid definition', () => {
  it('writes nothing and exits 1 with the findings', async () => {
    const project = tempProject({ 'definitions/bad.ts': definitionSource(anyDefinition('bad', { type: 'nope' })) });
    const r = await report({ out: 'report' }, project);
    expect(r.code).toBe(1);
    expect(r.err).toContain('definitions/bad.ts');
    expect(r.err).toContain('no report was written');
    expect(existsSync(path.join(project, 'report'))).toBe(false);
  });
});

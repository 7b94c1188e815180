import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/commands/build/run-build.js';
import { anyDefinition, captureStream, definitionSource, tempProject } from './temp-project.js';

async function build(cwd: string, extra: { check?: boolean } = {}) {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await runBuild({ cwd, stdout, stderr, ...extra });
  return { code, out: stdout.text(), err: stderr.text() };
}

const xsoar = (type: string, customFields?: Record<string, string>, customFieldTypes?: Record<string, string>) => ({
  xsoar: { type, severity: 'low', ...(customFields ? { customFields } : {}), ...(customFieldTypes ? { customFieldTypes } : {}) },
});
const json = (dir: string, file: string) => JSON.parse(readFileSync(path.join(dir, 'generated/xsoar', file), 'utf8')) as Record<string, unknown>;
const list = (dir: string, folder: string) => readdirSync(path.join(dir, 'generated/xsoar', folder)).sort();

describe('alertsmith build: XSOAR content in generated/xsoar/', () => {
  it('writes one incident type per xsoar.type and one incident field per custom field, with its declared type', async () => {
    const dir = tempProject({
      'definitions/a.ts': definitionSource(anyDefinition('a', xsoar('Brute Force', { sourceip: '{{source.ip}}', failures: '{{num_hits}}' }, { failures: 'number' }))),
      'definitions/b.ts': definitionSource(anyDefinition('b', xsoar('Lateral Movement', { sourceip: '{{source.ip}}' }))),
      'definitions/c.ts': definitionSource(anyDefinition('c', xsoar('Brute Force'))),
    });
    const { code, out } = await build(dir);
    expect(code).toBe(0);
    expect(out).toContain('XSOAR content in generated/xsoar/: 2 incident types and 2 incident fields, 4 written, 0 removed');
    expect(list(dir, 'IncidentTypes')).toEqual(['incidenttype-Brute_Force.json', 'incidenttype-Lateral_Movement.json']);
    expect(list(dir, 'IncidentFields')).toEqual(['incidentfield-failures.json', 'incidentfield-sourceip.json']);
    expect(json(dir, 'IncidentTypes/incidenttype-Brute_Force.json')).toMatchObject({ id: 'Brute Force', name: 'Brute Force', version: -1 });
    expect(json(dir, 'IncidentFields/incidentfield-failures.json')).toMatchObject({
      id: 'incident_failures', cliName: 'failures', name: 'failures', type: 'number', associatedTypes: ['Brute Force'], associatedToAll: false,
    });
    expect(json(dir, 'IncidentFields/incidentfield-sourceip.json')).toMatchObject({ type: 'shortText', associatedTypes: ['Brute Force', 'Lateral Movement'] });
  });

  it('is byte-stable: the same files whatever order the definitions were found in, and unchanged on a second build', async () => {
    const defs = ['z', 'm', 'a'].map((id, i) => [`definitions/${id}.ts`, definitionSource(anyDefinition(id, xsoar(`Type ${i % 2}`, { [`f${id}`]: 'x', shared: 'y' })))] as const);
    const forward = tempProject(Object.fromEntries(defs));
    const backward = tempProject(Object.fromEntries([...defs].reverse()));
    await build(forward);
    await build(backward);
    for (const folder of ['IncidentTypes', 'IncidentFields']) {
      expect(list(forward, folder)).toEqual(list(backward, folder));
      for (const f of list(forward, folder)) {
        expect(readFileSync(path.join(forward, 'generated/xsoar', folder, f), 'utf8')).toBe(readFileSync(path.join(backward, 'generated/xsoar', folder, f), 'utf8'));
      }
    }
    expect((await build(forward)).out).toContain('incident fields, 0 written, 0 removed');
  });

  it('--check reports stale, missing and orphaned content files, and build removes the orphans', async () => {
    const dir = tempProject({ 'definitions/a.ts': definitionSource(anyDefinition('a', xsoar('T', { one: 'x' }))) });
    expect((await build(dir)).code).toBe(0);
    expect(await build(dir, { check: true })).toMatchObject({ code: 0, out: expect.stringMatching(/1 rule \(\d+\.\d+ s\), XSOAR content: 1 incident type and 1 incident field\n/) });

    writeFileSync(path.join(dir, 'definitions/a.ts'), definitionSource(anyDefinition('a', xsoar('U', { two: 'x' }, { two: 'date' }))));
    writeFileSync(path.join(dir, 'generated/xsoar/IncidentFields/incidentfield-two.json'), '{}\n');
    const check = await build(dir, { check: true });
    expect(check.code).toBe(1);
    expect(check.err).toContain('  missing   generated/xsoar/IncidentTypes/incidenttype-U.json');
    expect(check.err).toContain('  stale     generated/xsoar/IncidentFields/incidentfield-two.json');
    expect(check.err).toContain('  orphaned  generated/xsoar/IncidentTypes/incidenttype-T.json (no detection uses it)');
    expect(check.err).toContain('  orphaned  generated/xsoar/IncidentFields/incidentfield-one.json (no detection uses it)');

    expect((await build(dir)).code).toBe(0);
    expect(list(dir, 'IncidentTypes')).toEqual(['incidenttype-U.json']);
    expect(list(dir, 'IncidentFields')).toEqual(['incidentfield-two.json']);
    expect(json(dir, 'IncidentFields/incidentfield-two.json')).toMatchObject({ type: 'date' });
  });

  it('refuses one field declared with two types, and two types whose files would collide, writing nothing', async () => {
    const dir = tempProject({
      'definitions/a.ts': definitionSource(anyDefinition('a', xsoar('Brute Force', { hits: 'x' }, { hits: 'number' }))),
      'definitions/b.ts': definitionSource(anyDefinition('b', xsoar('brute_force', { hits: 'x' }))),
    });
    const { code, err } = await build(dir);
    expect(code).toBe(1);
    expect(err).toContain('definitions/b.ts: xsoar.customFields.hits is a shortText field here but a number field in a');
    expect(err).toContain('generated/xsoar: the incident types "Brute Force" (a) and "brute_force" (b) would both be written to IncidentTypes/incidenttype-brute_force.json');
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('refuses a type declared for a field the detection does not fill', async () => {
    const dir = tempProject({ 'definitions/a.ts': definitionSource(anyDefinition('a', xsoar('T', { one: 'x' }, { tow: 'number' }))) });
    const { code, err } = await build(dir);
    expect(code).toBe(1);
    expect(err).toMatch(/definitions\/a.ts:\d+:\d+: "tow" is not a field of customFields: declare the type of a field the detection fills/);
  });
});

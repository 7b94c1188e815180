import { afterEach, describe, expect, it } from 'vitest';
import { startXsoarSimulator, type SimulatorContent, type XsoarSimulator } from '../../src/simulator/index.js';

const KEY6 = { authorization: 'sim-api-key' };
const KEY8 = { authorization: 'sim-api-key', 'x-xdr-auth-id': '1' };
const content: SimulatorContent = {
  incidentTypes: ['Brute Force'],
  incidentFields: [{ cliName: 'sourceip', type: 'shortText', associatedTypes: ['Brute Force'] }],
};
const incident = (customFields: Record<string, unknown>) => ({
  name: 'n', type: 'Brute Force', severity: 1, details: '', labels: [], rawJSON: '{}', CustomFields: customFields,
});

let sim: XsoarSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function call(path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(sim!.url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, json: (await response.json()) as any };
}

describe('the simulator\'s incident types and fields', () => {
  it('lists them on the XSOAR 6 paths, custom fields after some of XSOAR\'s system fields', async () => {
    sim = await startXsoarSimulator({ content });
    const types = await call('/incidenttype', KEY6);
    expect(types.status).toBe(200);
    expect(types.json).toEqual([expect.objectContaining({ id: 'Brute Force', name: 'Brute Force' })]);
    const fields = await call('/incidentfields', KEY6);
    expect(fields.status).toBe(200);
    expect(fields.json.find((f: any) => f.cliName === 'severity')).toMatchObject({ system: true });
    expect(fields.json.find((f: any) => f.cliName === 'sourceip')).toMatchObject({ id: 'incident_sourceip', type: 'shortText', system: false, associatedTypes: ['Brute Force'] });
  });

  it('on XSOAR 8 lists fields on the public API and types only under /xsoar, as XSOAR 8 is reported to', async () => {
    sim = await startXsoarSimulator({ content });
    expect((await call('/xsoar/public/v1/incidentfields', KEY8)).json.some((f: any) => f.cliName === 'sourceip')).toBe(true);
    expect((await call('/xsoar/incidenttype', KEY8)).json).toEqual([expect.objectContaining({ name: 'Brute Force' })]);
    expect((await call('/xsoar/public/v1/incidenttype', KEY8)).status).toBe(405);
    expect((await call('/xsoar/incidenttype', KEY6)).status).toBe(403);
  });

  it('refuses a bad key on the lists as on every endpoint', async () => {
    sim = await startXsoarSimulator({ content });
    expect((await call('/incidentfields', { authorization: 'wrong' })).status).toBe(403);
  });

  it('does not store a custom field it has no incident field for, and says which it left out', async () => {
    sim = await startXsoarSimulator({ content });
    const reply = await call('/incident', KEY6, incident({ sourceip: '10.0.0.1', sourceipp: 'typo' }));
    expect(reply.status).toBe(200);
    expect(reply.json.CustomFields).toEqual({ sourceip: '10.0.0.1' });
    expect(sim.incidents()[0]).toMatchObject({ body: { CustomFields: { sourceip: '10.0.0.1' } }, droppedCustomFields: ['sourceipp'] });
    const v8 = await call('/xsoar/public/v1/incident', KEY8, { ...incident({}), CustomFields: undefined, customFields: { other: 'x' } });
    expect(v8.json.CustomFields).toEqual({});
    expect(sim.incidents()[1]!.droppedCustomFields).toEqual(['other']);
  });

  it('keeps every custom field when asked to, and by default when it was given no content', async () => {
    sim = await startXsoarSimulator({ content, unknownCustomFields: 'keep' });
    expect((await call('/incident', KEY6, incident({ anything: 'x' }))).json.CustomFields).toEqual({ anything: 'x' });
    await sim.stop();
    sim = await startXsoarSimulator();
    expect((await call('/incident', KEY6, incident({ anything: 'x' }))).json.CustomFields).toEqual({ anything: 'x' });
    expect((await call('/incidenttype', KEY6)).json).toEqual([]);
  });
});

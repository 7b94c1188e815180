import { describe, expect, it } from 'vitest';
import { planIncidents } from '../../src/incident/incident-body.js';
import type { IncidentMapping } from '../../src/incident/mapping.js';
import { planDeliveryItems } from '../../src/runtime/plan-items.js';

const mapping: IncidentMapping = {
  rule: 'r', name: '{{user.name}} on {{host.name}}', type: 'T', details: '', labels: [], severity: 1, customFields: {},
  createInvestigation: false, timestampField: '@timestamp', incidentPer: 'match',
};
const matches = [{ user: { name: 'a' } }, { user: { name: 'b' }, host: { name: 'h' } }];

describe('planDeliveryItems', () => {
  it('makes one item per match with the planned key, its rule and origin, and the body planned again on demand', () => {
    const missing = new Set<string>();
    const items = planDeliveryItems(matches, mapping, { origin: 'stdin', missing });
    const planned = planIncidents(matches, mapping);
    expect(items.map((i) => [i.key, i.rule, i.origin, 'intake' in i, 'searchFirst' in i])).toEqual(planned.map((p) => [p.key, 'r', 'stdin', false, false]));
    expect(items.map((i) => i.body())).toEqual(planned.map((p) => p.body));
    expect(items.map((i) => i.sizeHint)).toEqual(planned.map((p) => 3 * p.body.rawJSON.length));
    expect([...missing]).toEqual(['host.name']);
  });

  it('makes one item for the whole alert with incidentPer alert, and carries the intake and searchFirst', () => {
    const items = planDeliveryItems(matches, { ...mapping, incidentPer: 'alert' }, { origin: 'intake', intake: 'in-1', searchFirst: true });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: planIncidents(matches, { ...mapping, incidentPer: 'alert' })[0]!.key, origin: 'intake', intake: 'in-1', searchFirst: true });
    expect(planDeliveryItems(matches, mapping, { origin: 'intake', searchFirst: false }).every((i) => !('searchFirst' in i))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { incidentMappingOf } from '../../src/compile/incident-mapping.js';
import { EVERY_RULE_TYPE, validated } from './fixtures.js';

describe('incidentMappingOf', () => {
  it('fills the defaults and leaves unset optional settings out of the mapping, not as undefined keys', () => {
    expect(incidentMappingOf(validated(EVERY_RULE_TYPE.any!))).toStrictEqual({
      rule: 'any', name: 'N', type: 'T', details: 'D', labels: [], severity: 1, customFields: {}, customFieldTypes: {},
      createInvestigation: false, timestampField: '@timestamp', incidentPer: 'match',
    });
  });

  it('takes the definition’s timestamp_field, playbook and owner', () => {
    const mapping = incidentMappingOf(
      validated({ ...EVERY_RULE_TYPE.any!, timestamp_field: 'event.created', xsoar: { type: 'T', severity: 'high', playbookId: 'pb', owner: 'o' } }),
    );
    expect([mapping.timestampField, mapping.playbookId, mapping.owner, mapping.severity]).toEqual(['event.created', 'pb', 'o', 3]);
  });
});

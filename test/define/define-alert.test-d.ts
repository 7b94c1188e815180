import { defineAlert } from '../../src/define/define-alert.js';

defineAlert({
  id: 'ata',
  name: 'ATA {{rule.name}}',
  description: 'd',
  type: 'any',
  index: 'ata-*',
  xsoar: {
    type: 'Microsoft ATA',
    severity: 'low',
    details: 'Microsoft ATA has generated an alert: {{rule.description}}',
    labels: ['host.name', 'rule.description', '_id'],
    customFields: { scanip: '{{ source.ip }}' },
  },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'frequency', num_events: 3, timeframe: '5m',
  query_key: 'source.ip',
  eventFields: { 'winlog.event_data.TargetUserName': 'keyword' },
  xsoar: { type: 't', severity: 2, labels: ['winlog.event_data.TargetUserName', 'num_hits'], details: '{{winlog.event_data.TargetUserName}}' },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any',
  // @ts-expect-error misspelled label
  xsoar: { type: 't', severity: 'low', labels: ['host.nmae'] },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any',
  // @ts-expect-error misspelled placeholder
  xsoar: { type: 't', severity: 'low', details: 'x {{rule.descriptin}} y' },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any',
  // @ts-expect-error spike_count is not a field of an `any` match
  xsoar: { type: 't', severity: 'low', details: '{{spike_count}}' },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'frequency', num_events: 3, timeframe: '5m',
  // @ts-expect-error misspelled query_key
  query_key: 'source.ipp',
  xsoar: { type: 't', severity: 'low' },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any',
  // @ts-expect-error severity typo
  xsoar: { type: 't', severity: 'hihg' },
});

// A change rule type-checks with its required query_key (it once could not: an impossible intersection).
defineAlert({
  id: 'c', name: 'n', description: 'd', index: 'i', type: 'change',
  compare_key: 'source.geo.country_iso_code', ignore_null: true, query_key: 'user.name',
  xsoar: { type: 't', severity: 'low', labels: ['old_value', 'new_value'] },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any',
  // @ts-expect-error an option the rule type does not have (misspelled query_key)
  quer_key: 'source.ip',
  xsoar: { type: 't', severity: 'low' },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any',
  // @ts-expect-error an option xsoar does not have (misspelled labels)
  xsoar: { type: 't', severity: 'low', lables: ['host.name'] },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'frequency', num_events: 3, timeframe: '5m',
  // @ts-expect-error one misspelled field in a query_key list
  query_key: ['source.ip', 'source.ipp'],
  xsoar: { type: 't', severity: 'low' },
});

defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'new_term', terms_window_size: '1d',
  // @ts-expect-error a misspelled field in a composite new_term key
  fields: ['source.ip', ['host.name', 'hots.name']],
  xsoar: { type: 't', severity: 'low' },
});

// Names and templates only known at run time are left to `alertsmith build` and `alertsmith check`.
const computedField: string = ['host', 'name'].join('.');
defineAlert({
  id: 'x', name: 'n', description: 'd', type: 'any', query_key: computedField,
  xsoar: { type: 't', severity: 'low', labels: [computedField, 'process.args[0]'], details: `on {{${computedField}}}` },
});

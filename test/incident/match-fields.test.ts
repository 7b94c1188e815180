import { describe, expect, it } from 'vitest';
import { metricValueField } from '../../src/incident/match-fields.js';

describe('metricValueField', () => {
  it('names the value field as ElastAlert\'s metric_aggregation does: metric_<key>_<type>', () => {
    expect(metricValueField('network.bytes', 'sum')).toBe('metric_network.bytes_sum');
  });
});

import { defineAlert } from 'alertsmith';

export default defineAlert({
  id: 'port-scan',
  name: 'One source touching many destination ports',
  description: 'A source address connected to more than 100 distinct destination ports within five minutes.',
  index: 'packetbeat-*',
  type: 'cardinality',
  cardinality_field: 'destination.port',
  max_cardinality: 100,
  timeframe: '5m',
  query_key: 'source.ip',
  query: 'event.category:network AND event.type:connection',
  realert: '1h',
  attack: { tactics: ['discovery'], techniques: ['T1046'] },
  owner: 'soc-network',
  xsoar: {
    type: 'Network Scan',
    severity: 'medium',
    name: 'Port scan from {{source.ip}}',
    details: '{{source.ip}} connected to more than 100 destination ports in five minutes (last: {{destination.ip}}:{{destination.port}}).',
    labels: ['source.ip', 'destination.ip'],
  },
  tests: [
    {
      name: 'one source reaching 101 ports in two minutes fires',
      events: Array.from({ length: 101 }, (_, i) => ({
        '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, 0, i)).toISOString(),
        event: { category: ['network'], type: ['connection'] },
        source: { ip: '198.51.100.9' },
        destination: { ip: '10.0.0.5', port: 1000 + i },
      })),
      expect: {
        alerts: 1,
        incident: {
          name: 'Port scan from 198.51.100.9',
          details: '198.51.100.9 connected to more than 100 destination ports in five minutes (last: 10.0.0.5:1100).',
          labels: { 'source.ip': '198.51.100.9', 'destination.ip': '10.0.0.5' },
        },
      },
    },
    {
      name: 'one hundred ports stay quiet',
      events: Array.from({ length: 100 }, (_, i) => ({
        '@timestamp': new Date(Date.UTC(2026, 0, 5, 10, 0, i)).toISOString(),
        event: { category: ['network'], type: ['connection'] },
        source: { ip: '198.51.100.9' },
        destination: { ip: '10.0.0.5', port: 1000 + i },
      })),
      expect: { alerts: 0 },
    },
  ],
});

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
});

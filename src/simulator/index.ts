// The XSOAR simulator's public entry: start/stop for tests, and the types they inspect.
export type {
  RecordedRequest,
  SimulatorFault,
  SimulatorOptions,
  StoredIncident,
  XsoarSimulator,
} from './contract.js';
export type { SimulatorContent, SimulatorIncidentField } from './xsoar-content.js';
export { startXsoarSimulator } from './server.js';
export { SUPPORTED_QUERY_FIELDS } from './incident-query.js';

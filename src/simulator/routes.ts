import type { Flavour } from './authentication.js';

export type Endpoint = 'create' | 'search' | 'about' | 'incidentTypes' | 'incidentFields';

export interface Route {
  flavour: Flavour;
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  /** Reached under XSOAR 8's public API prefix `/xsoar/public/v1` (not the web-app prefix `/xsoar`). */
  publicApi: boolean;
}

// XSOAR 8 API paths; demisto-py uses the shorter `/xsoar` prefix, so both are served.
const XSOAR8_PREFIXES = ['/xsoar/public/v1', '/xsoar'];
const ENDPOINTS: Record<string, { endpoint: Endpoint; method: 'GET' | 'POST' }> = {
  '/incident': { endpoint: 'create', method: 'POST' },
  '/incidents/search': { endpoint: 'search', method: 'POST' },
  '/about': { endpoint: 'about', method: 'GET' },
  '/incidenttype': { endpoint: 'incidentTypes', method: 'GET' },
  '/incidentfields': { endpoint: 'incidentFields', method: 'GET' },
};

/** The endpoint a request path names (query string ignored), or `undefined` for an unknown path. */
export function routeFor(rawPath: string): Route | undefined {
  const path = (rawPath.split('?')[0] ?? '').replace(/\/+$/, '') || '/';
  for (const prefix of XSOAR8_PREFIXES) {
    if (path.startsWith(`${prefix}/`)) {
      const target = endpointAt(path.slice(prefix.length));
      return target === undefined ? undefined : { flavour: 'xsoar8', ...target, publicApi: prefix === XSOAR8_PREFIXES[0] };
    }
  }
  const target = endpointAt(path);
  return target === undefined ? undefined : { flavour: 'xsoar6', ...target, publicApi: false };
}

function endpointAt(path: string): (typeof ENDPOINTS)[string] | undefined {
  return Object.hasOwn(ENDPOINTS, path) ? ENDPOINTS[path] : undefined;
}

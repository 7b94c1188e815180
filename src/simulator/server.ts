import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { authenticate, type AuthScheme } from './authentication.js';
import type { RecordedRequest, SimulatorOptions, XsoarSimulator } from './contract.js';
import { createRequestProblems } from './create-request.js';
import { FaultPlan } from './fault-plan.js';
import { incidentMatches, parseIncidentQuery } from './incident-query.js';
import { IncidentStore } from './incident-store.js';
import { incidentView } from './incident-view.js';
import { routeFor, type Route } from './routes.js';
import { REFUSED_KEY_BODY, xsoarError } from './xsoar-error.js';
import { incidentFieldsReply, incidentTypesReply, withoutUnknownCustomFields } from './xsoar-content.js';
import { AlertsmithError } from '../errors.js';

const ABOUT = {
  xsoar6: { demistoVersion: '6.14.0', buildNum: 'alertsmith-simulator', platform: 'xsoar' },
  xsoar8: { demistoVersion: '8.9.0', buildNum: 'alertsmith-simulator', platform: 'xsoar' },
} as const;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Starts a local XSOAR stand-in; see `SimulatorOptions` for the defaults. */
export async function startXsoarSimulator(options: SimulatorOptions = {}): Promise<XsoarSimulator> {
  const expectedKey = { apiKey: options.apiKey ?? 'sim-api-key', apiKeyId: options.apiKeyId ?? '1' };
  const store = await IncidentStore.open(options.store);
  const content = options.content ?? { incidentTypes: [], incidentFields: [] };
  const dropUnknown = (options.unknownCustomFields ?? (options.content !== undefined ? 'drop' : 'keep')) === 'drop';
  const faults = new FaultPlan();
  const recorded: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const route = routeFor(request.url ?? '');
    const fault = faults.take(route?.endpoint === 'create' && request.method === 'POST');
    const entry: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: { ...request.headers },
      body: '',
      status: 0,
    };
    recorded.push(entry);
    if (fault.kind === 'reset-before-read') {
      request.socket.destroy();
      return;
    }
    entry.body = await readBody(request);
    if (fault.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault.kind === 'hang') return; // the socket stays open until the client gives up or stop()
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    // A client that gave up while the server was slow never gets its request handled.
    if (stopped || request.socket.destroyed) return;
    const answer: Answer = fault.kind === 'answer' ? fault : await respond(route, entry);
    if (fault.kind === 'after-commit') {
      if (fault.spoil === 'reset') {
        request.socket.destroy();
        return;
      }
      if (fault.spoil === 'truncate') {
        const text = JSON.stringify(answer.body);
        entry.status = answer.status;
        response.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        response.write(text.slice(0, Math.floor(text.length / 2)));
        // Let the half reply reach the client before the connection drops.
        setImmediate(() => request.socket.destroy());
        return;
      }
      if (fault.spoil === 'status') {
        const spoiled = { status: fault.status, body: xsoarError(fault.status, 'gateway', 'Gateway Timeout', 'the upstream answer was lost (injected)') };
        entry.status = spoiled.status;
        send(response, spoiled);
        return;
      }
      await delay(fault.delayMs);
      if (stopped || request.socket.destroyed) return;
    }
    entry.status = answer.status;
    send(response, answer);
  }

  function send(response: ServerResponse, answer: Answer): void {
    const text = JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...answer.headers,
    });
    response.end(text);
  }

  async function respond(route: Route | undefined, entry: RecordedRequest): Promise<Answer> {
    if (route === undefined) {
      return { status: 404, body: xsoarError(404, 'not_found', 'Not Found', `no such endpoint: ${entry.method} ${entry.path}`) };
    }
    if (entry.method !== route.method) {
      return { status: 405, body: xsoarError(405, 'method_not_allowed', 'Method Not Allowed', `${entry.path} takes ${route.method}`) };
    }
    const auth = authenticate(entry.headers, route.flavour, expectedKey);
    if (auth === undefined) return { status: 403, body: REFUSED_KEY_BODY };
    if (route.endpoint === 'about') return { status: 200, body: ABOUT[route.flavour] };
    if (route.endpoint === 'incidentFields') return { status: 200, body: incidentFieldsReply(content) };
    if (route.endpoint === 'incidentTypes') {
      // Reported of XSOAR 8: the list of incident types is on the web-app prefix only.
      if (route.publicApi) return { status: 405, body: xsoarError(405, 'method_not_allowed', 'Method Not Allowed', 'incident types are listed at /xsoar/incidenttype, not on the public API') };
      return { status: 200, body: incidentTypesReply(content) };
    }
    const parsed = parseJson(entry.body);
    if (!parsed.ok) return badRequest(`the request body is not valid JSON: ${parsed.reason}`);
    return route.endpoint === 'create' ? create(parsed.value, route, auth) : search(parsed.value);
  }

  async function create(body: unknown, route: Route, auth: AuthScheme): Promise<Answer> {
    const problems = createRequestProblems(body);
    if (problems.length > 0) return badRequest(`invalid incident: ${problems.join('; ')}`);
    const { body: kept, dropped } = dropUnknown
      ? withoutUnknownCustomFields(body as Record<string, unknown>, content)
      : { body: body as Record<string, unknown>, dropped: [] };
    const incident = await store.add(kept, route.flavour, auth, dropped);
    return { status: 200, body: incidentView(incident) };
  }

  function search(body: unknown): Answer {
    const filter = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).filter : undefined;
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      return badRequest('the search body must be {"filter": {"query": "...", "page": 0, "size": N}}');
    }
    const { query = '', page = 0, size = 0 } = filter as Record<string, unknown>;
    if (typeof query !== 'string') return badRequest('filter.query must be a string');
    if (!isCount(page) || !isCount(size)) return badRequest('filter.page and filter.size must be whole numbers >= 0');
    const parsed = parseIncidentQuery(query);
    if (!parsed.ok) return badRequest(parsed.reason);
    const found = store.all().filter((incident) => incidentMatches(incident, parsed.terms));
    // As in XSOAR, a missing size means no results, only the total.
    const data = found.slice(page * size, page * size + size).map(incidentView);
    return { status: 200, body: { data, total: found.length } };
  }

  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((thrown: unknown) => {
      if (response.headersSent) return response.destroy();
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify(xsoarError(500, 'internal', 'Internal Server Error', String(thrown))));
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException): void => reject(listenError(error, host, options.port ?? 0));
    server.once('error', refused);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', refused);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    incidents: () => store.all(),
    requests: () => recorded.map((entry) => ({ ...entry, headers: { ...entry.headers } })),
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    faultCounts: () => faults.countsByName(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** A port that cannot be listened on is the user's to fix: one line, exit 2. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new AlertsmithError('ALERTSMITH_SIM_PORT', `port ${port} on ${host} is already in use: choose another with --port, or --port 0 for a free one`);
  }
  if (error.code === 'EACCES') {
    return new AlertsmithError('ALERTSMITH_SIM_PORT', `not allowed to listen on port ${port} on ${host} (${error.code}): choose a port above 1023 with --port`);
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new AlertsmithError('ALERTSMITH_SIM_PORT', `cannot listen on ${host}: it is not an address of this machine`);
  }
  return error;
}

function badRequest(reason: string): Answer {
  return { status: 400, body: xsoarError(400, 'bad_request', 'Bad Request', reason) };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (thrown) {
    return { ok: false, reason: (thrown as Error).message };
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

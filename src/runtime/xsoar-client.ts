import { fs } from './builtins.js';
import { DEDUP_KEY_LABEL } from '../incident/dedup-key.js';
import { RUNTIME_EXIT } from './exit-codes.js';
import type { IncidentBody } from '../incident/incident-body.js';
import { bypassesProxy, createHttpClient, type HttpClient, type HttpResponse } from './http-request.js';
import { JsonFieldScanner } from './json-field-scanner.js';
import { jsonPieces } from './json-pieces.js';
import type { RuntimeConfig } from './runtime-config.js';
import { AlertsmithError } from '../errors.js';

/**
 * The XSOAR incident API as the runtime uses it: create, search by de-duplication label, about.
 * XSOAR 6 paths and `Authorization: <key>` by default; XSOAR 8 paths (`/xsoar/public/v1`) and
 * `x-xdr-auth-id` when a key id is configured; advanced keys sign each request.
 */
export interface XsoarClient {
  create(body: IncidentBody, timeoutMs: number): Promise<CreateReply>;
  /** The id of an incident carrying this key's label, `null` if none, or throws when unknown. */
  findByKey(key: string, timeoutMs: number): Promise<string | null>;
  about(timeoutMs: number): Promise<HttpResponse>;
  /**
   * The server's incident types (`GET /incidenttype`) or incident fields (`GET /incidentfields`),
   * for `alertsmith xsoar diff`. On XSOAR 8 the fields are on the public API and the types only
   * under the web-app prefix `/xsoar` (`/xsoar/public/v1/incidenttype` answers 405).
   */
  listContent(what: 'incidentTypes' | 'incidentFields', timeoutMs: number): Promise<HttpResponse>;
  close(): void;
}

/** The answer to a create; `incidentId` is read from a 2xx reply (null when it has none). */
export interface CreateReply extends HttpResponse {
  incidentId: string | null;
}

/** XSOAR answered a search with a status other than 200: the key's existence is still unknown. */
export class SearchFailed extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
    readonly retryAfter: string | undefined,
  ) {
    super(`search answered ${status}`);
  }
}

export const XSOAR8_PREFIX = '/xsoar/public/v1';
const XSOAR8_WEBAPP_PREFIX = '/xsoar';

/**
 * Replies are kept as text up to this size. XSOAR answers a create or a search with whole
 * incidents, rawJSON included; past this size only the id is read from the stream (see
 * json-field-scanner.ts). Error replies are small and kept whole.
 */
const REPLY_TEXT_BYTES = 256 * 1024;

export async function createXsoarClient(config: RuntimeConfig): Promise<XsoarClient> {
  if (config.url === undefined) {
    throw new AlertsmithError('ALERTSMITH_NO_URL', 'no XSOAR URL: set DEMISTO_BASE_URL or "url" in the --config file', RUNTIME_EXIT.usage);
  }
  if (config.apiKey === undefined) {
    throw new AlertsmithError('ALERTSMITH_NO_KEY', 'no API key: set DEMISTO_API_KEY or "apiKey" in the --config file (never a flag)', RUNTIME_EXIT.usage);
  }
  if (config.auth === 'advanced' && config.apiKeyId === undefined) {
    throw new AlertsmithError('ALERTSMITH_NO_KEY_ID', 'an advanced key needs its id: set DEMISTO_API_KEY_ID', RUNTIME_EXIT.usage);
  }
  let base: URL;
  try {
    base = new URL(config.url);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new AlertsmithError('ALERTSMITH_BAD_URL', `DEMISTO_BASE_URL is not an http(s) URL: "${config.url}"`, RUNTIME_EXIT.usage);
  }
  let ca: string | undefined;
  if (config.caFile !== undefined) {
    try {
      ca = fs.readFileSync(config.caFile, 'utf8');
    } catch {
      throw new AlertsmithError('ALERTSMITH_BAD_CA', `cannot read the CA bundle ${config.caFile} (SSL_CERT_FILE)`, RUNTIME_EXIT.usage);
    }
  }
  let proxy: URL | undefined;
  if (config.proxy !== undefined && !bypassesProxy(base.hostname, config.noProxy)) {
    try {
      proxy = new URL(config.proxy);
    } catch {
      throw new AlertsmithError('ALERTSMITH_BAD_PROXY', 'the proxy setting (HTTPS_PROXY) is not a URL', RUNTIME_EXIT.usage);
    }
  }
  // Only advanced keys sign requests: OpenSSL's initialisation is not paid for otherwise.
  const signing = config.auth === 'advanced' ? await import('node:crypto') : undefined;
  const http: HttpClient = await createHttpClient({
    connectTimeoutMs: config.connectTimeoutMs,
    rejectUnauthorized: config.verifySsl,
    maxSockets: config.concurrency,
    ...(ca !== undefined ? { ca } : {}),
    ...(proxy !== undefined ? { proxy } : {}),
  });
  const basePath = base.pathname.replace(/\/+$/, '');
  const prefix = config.apiKeyId !== undefined && !basePath.endsWith(XSOAR8_PREFIX) ? XSOAR8_PREFIX : '';
  const apiKey = config.apiKey;
  const urlFor = (path: string): URL => new URL(`${base.origin}${basePath}${prefix}${path}`);

  const headers = (): Record<string, string> => {
    const h: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
    if (signing !== undefined) {
      const nonce = randomAlphanumeric(64, signing.randomBytes);
      const timestamp = String(Math.floor(Date.now() / 1000) * 1000);
      h['x-xdr-auth-id'] = config.apiKeyId!;
      h['x-xdr-nonce'] = nonce;
      h['x-xdr-timestamp'] = timestamp;
      h.authorization = signing.createHash('sha256').update(apiKey + nonce + timestamp).digest('hex');
    } else {
      h.authorization = apiKey;
      if (config.apiKeyId !== undefined) h['x-xdr-auth-id'] = config.apiKeyId;
    }
    return h;
  };

  return {
    async create(body, timeoutMs) {
      const scanner = new JsonFieldScanner(['id']);
      const res = await http.request(
        // The body is sent in pieces: it is never one string, and a big one never one buffer.
        { url: urlFor('/incident'), method: 'POST', headers: headers(), body: () => jsonPieces(body) },
        timeoutMs,
        { maxTextBytes: REPLY_TEXT_BYTES, onChunk: (chunk) => scanner.push(chunk) },
      );
      let id: unknown;
      if (res.status >= 200 && res.status < 300) id = res.truncated ? scanner.value() : (parseOrUndefined(res.text) as { id?: unknown } | undefined)?.id;
      return { ...res, incidentId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
    async findByKey(key, timeoutMs) {
      const query = `labels.type:"${DEDUP_KEY_LABEL}" and labels.value:"${key}"`;
      const scanner = new JsonFieldScanner(['data', 0, 'id']);
      const res = await http.request(
        { url: urlFor('/incidents/search'), method: 'POST', headers: headers(), body: JSON.stringify({ filter: { query, page: 0, size: 1 } }) },
        timeoutMs,
        { maxTextBytes: REPLY_TEXT_BYTES, onChunk: (chunk) => scanner.push(chunk) },
      );
      if (res.status !== 200) {
        const retryAfter = res.headers['retry-after'];
        throw new SearchFailed(res.status, res.text, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
      }
      if (res.truncated) {
        // Only a reply holding an incident is this large: its id must be readable.
        const id = scanner.value();
        if (typeof id !== 'string' && typeof id !== 'number') throw new Error('search reply without a readable incident id');
        return String(id);
      }
      const parsed = JSON.parse(res.text) as { data?: { id?: unknown }[] | null; total?: number };
      const first = parsed.data?.[0];
      return first === undefined ? null : String(first.id ?? '');
    },
    about: (timeoutMs) => http.request({ url: urlFor('/about'), method: 'GET', headers: headers() }, timeoutMs),
    listContent(what, timeoutMs) {
      let url = urlFor('/incidentfields');
      if (what === 'incidentTypes') {
        const xsoar8 = config.apiKeyId !== undefined || basePath.endsWith(XSOAR8_PREFIX);
        const root = basePath.endsWith(XSOAR8_PREFIX) ? basePath.slice(0, -XSOAR8_PREFIX.length) : basePath;
        url = new URL(`${base.origin}${xsoar8 ? `${root}${XSOAR8_WEBAPP_PREFIX}` : basePath}/incidenttype`);
      }
      return http.request({ url, method: 'GET', headers: headers() }, timeoutMs);
    },
    close: () => http.close(),
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // a 2xx without a JSON body still means the incident exists; its id stays unknown
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomAlphanumeric(length: number, randomBytes: (n: number) => Uint8Array): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 = 62 * 4: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

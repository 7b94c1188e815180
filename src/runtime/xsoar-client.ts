import { fs } from './builtins.js';
import { DEDUP_KEY_LABEL } from '../incident/dedup-key.js';
import { RUNTIME_EXIT } from './exit-codes.js';
import { bypassesProxy, createHttpClient, type HttpClient, type HttpResponse } from './http-request.js';
import type { RuntimeConfig } from './runtime-config.js';
import { AlertsmithError } from '../errors.js';

/**
 * The XSOAR incident API as the runtime uses it: create, search by de-duplication label, about.
 * XSOAR 6 paths and `Authorization: <key>` by default; XSOAR 8 paths (`/xsoar/public/v1`) and
 * `x-xdr-auth-id` when a key id is configured; advanced keys sign each request.
 */
export interface XsoarClient {
  /** `json` is the create body already serialised (the caller sizes it first). */
  create(json: string, timeoutMs: number): Promise<HttpResponse>;
  /** The id of an incident carrying this key's label, `null` if none, or throws when unknown. */
  findByKey(key: string, timeoutMs: number): Promise<string | null>;
  about(timeoutMs: number): Promise<HttpResponse>;
  close(): void;
}

export const XSOAR8_PREFIX = '/xsoar/public/v1';

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
  // Loaded here, not at start-up: OpenSSL's initialisation is the costliest part of a dry run.
  const { createHash, randomBytes } = await import('node:crypto');
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
    if (config.auth === 'advanced') {
      const nonce = randomAlphanumeric(64, randomBytes);
      const timestamp = String(Math.floor(Date.now() / 1000) * 1000);
      h['x-xdr-auth-id'] = config.apiKeyId!;
      h['x-xdr-nonce'] = nonce;
      h['x-xdr-timestamp'] = timestamp;
      h.authorization = createHash('sha256').update(apiKey + nonce + timestamp).digest('hex');
    } else {
      h.authorization = apiKey;
      if (config.apiKeyId !== undefined) h['x-xdr-auth-id'] = config.apiKeyId;
    }
    return h;
  };

  return {
    create: (json, timeoutMs) => http.request({ url: urlFor('/incident'), method: 'POST', headers: headers(), body: json }, timeoutMs),
    async findByKey(key, timeoutMs) {
      const query = `labels.type:"${DEDUP_KEY_LABEL}" and labels.value:"${key}"`;
      const res = await http.request(
        { url: urlFor('/incidents/search'), method: 'POST', headers: headers(), body: JSON.stringify({ filter: { query, page: 0, size: 1 } }) },
        timeoutMs,
      );
      if (res.status !== 200) throw new Error(`search answered ${res.status}`);
      const parsed = JSON.parse(res.text) as { data?: { id?: unknown }[] | null; total?: number };
      const first = parsed.data?.[0];
      return first === undefined ? null : String(first.id ?? '');
    },
    about: (timeoutMs) => http.request({ url: urlFor('/about'), method: 'GET', headers: headers() }, timeoutMs),
    close: () => http.close(),
  };
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

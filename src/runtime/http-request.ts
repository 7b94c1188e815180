import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Socket } from 'node:net';

/**
 * One HTTP(S) request with the runtime's rules: a connect timeout, a whole-request timeout, TLS
 * options, an optional proxy (HTTP CONNECT tunnel for https targets). Built on node:http and
 * node:https, loaded only when a request is made so that `--dry-run` never pays for them.
 */
export interface HttpTarget {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /**
   * The body: text, or pieces of text made anew on each call (called twice: once to size the
   * body, once to send it), so that a large body is never one string nor one buffer.
   */
  body?: string | (() => Iterable<string>);
}

/** How to read a reply: keep at most `maxTextBytes` of it as text, and see every chunk on the way. */
export interface ReplyReader {
  maxTextBytes: number;
  onChunk?(chunk: Buffer): void;
}

export interface HttpSettings {
  connectTimeoutMs: number;
  rejectUnauthorized: boolean;
  ca?: string;
  proxy?: URL;
  maxSockets: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingMessage['headers'];
  /** The reply as text, or its first `maxTextBytes` when `truncated`. */
  text: string;
  truncated: boolean;
}

/** A request that got no answer. `mayHaveArrived` is true once connected: the server may have acted on it. */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly mayHaveArrived: boolean,
  ) {
    super(message);
  }
}

export interface HttpClient {
  request(target: HttpTarget, timeoutMs: number, reader?: ReplyReader): Promise<HttpResponse>;
  close(): void;
}

interface SecureStack {
  https: typeof import('node:https');
  tls: typeof import('node:tls');
  agent: import('node:https').Agent;
}

export async function createHttpClient(settings: HttpSettings): Promise<HttpClient> {
  const http = await import('node:http');
  const tlsOptions = { rejectUnauthorized: settings.rejectUnauthorized, ...(settings.ca !== undefined ? { ca: settings.ca } : {}) };
  const plainAgent = new http.Agent({ keepAlive: true, maxSockets: settings.maxSockets });
  // node:https and node:tls (OpenSSL, the root certificates) load on the first https request:
  // a plain-http target (a local stand-in, a TLS-terminating sidecar) never pays for them.
  let secureStack: Promise<SecureStack> | undefined;
  const secure = (): Promise<SecureStack> =>
    (secureStack ??= Promise.all([import('node:https'), import('node:tls')]).then(([https, tls]) => ({
      https,
      tls,
      agent: new https.Agent({ keepAlive: true, maxSockets: settings.maxSockets, ...tlsOptions }),
    })));

  /** Opens a tunnel through the proxy to host:port and answers the raw socket. */
  const tunnel = (target: URL, proxy: URL, deadline: number): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { host: `${target.hostname}:${port(target)}`, ...proxyAuthorization(proxy) };
      const req = http.request({ host: proxy.hostname, port: port(proxy), method: 'CONNECT', path: `${target.hostname}:${port(target)}`, headers });
      const timer = setTimeout(() => req.destroy(new HttpFailure('the proxy did not answer in time', 'ETIMEDOUT', false)), Math.max(1, deadline - Date.now()));
      req.once('connect', (res, socket) => {
        clearTimeout(timer);
        if (res.statusCode !== 200) {
          socket.destroy();
          reject(new HttpFailure(`the proxy refused the tunnel (${res.statusCode})`, 'EPROXY', false));
        } else resolve(socket);
      });
      req.once('error', (error) => {
        clearTimeout(timer);
        reject(error instanceof HttpFailure ? error : new HttpFailure(`cannot reach the proxy: ${describe(error)}`, codeOf(error), false));
      });
      req.end();
    });

  const request = async (target: HttpTarget, timeoutMs: number, reader: ReplyReader = WHOLE_REPLY): Promise<HttpResponse> => {
    const deadline = Date.now() + timeoutMs;
    const tlsStack = target.url.protocol === 'https:' ? await secure() : undefined;
    const { body } = target;
    const options: RequestOptions = {
      method: target.method,
      headers: { ...target.headers, ...(body !== undefined ? { 'content-length': String(byteLength(body)) } : {}) },
    };
    let viaProxy = false;
    let tunnelled: Socket | undefined;
    if (settings.proxy !== undefined) {
      viaProxy = true;
      if (tlsStack !== undefined) {
        // HTTPS through a proxy: CONNECT, then TLS with the server inside the tunnel, one request per tunnel.
        const raw = await tunnel(target.url, settings.proxy, deadline);
        tunnelled = tlsStack.tls.connect({ socket: raw, servername: target.url.hostname, ...tlsOptions });
        Object.assign(options, { host: target.url.hostname, port: port(target.url), path: `${target.url.pathname}${target.url.search}` });
        options.createConnection = () => tunnelled!;
      } else {
        // Plain HTTP through a proxy: the absolute URL goes to the proxy, with its credentials.
        Object.assign(options, { host: settings.proxy.hostname, port: port(settings.proxy), path: target.url.href });
        options.headers = { ...options.headers, host: target.url.host, ...proxyAuthorization(settings.proxy) };
        options.agent = plainAgent;
      }
    } else {
      options.agent = tlsStack?.agent ?? plainAgent;
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      let connected = false;
      let settled = false;
      const fail = (error: HttpFailure): void => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        reject(error);
      };
      const req: ClientRequest = viaProxy ? http.request(options) : (tlsStack?.https.request ?? http.request)(target.url, options);
      req.once('close', () => tunnelled?.destroy());
      const total = setTimeout(() => {
        fail(new HttpFailure(`no answer within ${timeoutMs} ms`, 'ETIMEDOUT', connected));
        req.destroy();
      }, Math.max(1, timeoutMs));
      req.once('socket', (socket: Socket) => {
        if (!socket.connecting) {
          connected = true;
          return;
        }
        const connectTimer = setTimeout(() => {
          fail(new HttpFailure(`could not connect within ${settings.connectTimeoutMs} ms`, 'ECONNECTTIMEOUT', false));
          req.destroy();
        }, settings.connectTimeoutMs);
        const connectEvent = tlsStack !== undefined && !viaProxy ? 'secureConnect' : 'connect';
        // Both listeners go once either fires: a kept-alive socket outlives this request, and a
        // listener left on it would keep this request's body alive with it.
        const settle = (): void => {
          clearTimeout(connectTimer);
          socket.removeListener(connectEvent, onConnect);
          socket.removeListener('close', settle);
        };
        const onConnect = (): void => {
          connected = true;
          settle();
        };
        socket.once(connectEvent, onConnect);
        socket.once('close', settle);
      });
      req.once('error', (error) => fail(new HttpFailure(describe(error), codeOf(error), connected)));
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          reader.onChunk?.(chunk);
          if (kept < reader.maxTextBytes) chunks.push(chunk.subarray(0, reader.maxTextBytes - kept));
          truncated ||= kept + chunk.length > reader.maxTextBytes;
          kept = Math.min(reader.maxTextBytes, kept + chunk.length);
        });
        res.once('error', (error) => fail(new HttpFailure(describe(error), codeOf(error), true)));
        res.once('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(total);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), truncated });
        });
      });
      if (typeof body === 'function') writePieces(req, body()).catch((error: unknown) => req.destroy(error as Error));
      else req.end(body);
    });
  };

  return {
    request,
    close() {
      plainAgent.destroy();
      void secureStack?.then(({ agent }) => agent.destroy());
    },
  };
}

/** Unbounded: the whole reply as text. */
const WHOLE_REPLY: ReplyReader = { maxTextBytes: Number.POSITIVE_INFINITY };

function byteLength(body: string | (() => Iterable<string>)): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  let bytes = 0;
  for (const piece of body()) bytes += Buffer.byteLength(piece);
  return bytes;
}

/** Writes the pieces as the socket takes them; stops quietly if the request ends early (its error is reported elsewhere). */
async function writePieces(req: ClientRequest, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (req.destroyed) return;
    if (!req.write(piece)) {
      await new Promise<void>((resolve) => {
        const go = (): void => {
          req.removeListener('drain', go);
          req.removeListener('close', go);
          resolve();
        };
        req.once('drain', go);
        req.once('close', go);
      });
    }
  }
  if (!req.destroyed) req.end();
}

/** `Proxy-Authorization: Basic` from the credentials in the proxy URL (URL-decoded), if any. */
function proxyAuthorization(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function port(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}

function describe(error: unknown): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return code !== 'EUNKNOWN' && !message.includes(code) ? `${code}: ${message}` : message;
}

/** True when the host must be reached directly (NO_PROXY: exact names, `.suffix`, `*`). */
export function bypassesProxy(hostname: string, noProxy: string[]): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return noProxy.some((entry) => {
    if (entry === '*') return true;
    const bare = entry.replace(/^\*?\./, '').replace(/:\d+$/, '');
    return host === bare || host.endsWith(`.${bare}`);
  });
}

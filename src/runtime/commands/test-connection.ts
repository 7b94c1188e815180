import type { TextSink } from '../fd-io.js';
import { RUNTIME_EXIT } from '../exit-codes.js';
import { HttpFailure } from '../http-request.js';
import type { Log } from '../log.js';
import { explainHaltStatus } from '../retry-policy.js';
import type { RuntimeConfig } from '../runtime-config.js';
import { createXsoarClient } from '../xsoar-client.js';

const UNTRUSTED_CERT = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED', 'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * `alertsmith-incident test-connection`: one `about` request, and a plain sentence on stdout
 * saying what works or what to fix (the log line on stderr has the details).
 */
export async function runTestConnection(config: RuntimeConfig, log: Log, stdout: TextSink): Promise<number> {
  const client = await createXsoarClient(config);
  const say = (ok: boolean, sentence: string, fields: Record<string, unknown> = {}): number => {
    stdout.write(`${log.redact(sentence)}\n`);
    log.write(ok ? 'info' : 'error', 'test-connection', { ok, message: sentence, ...fields });
    return ok ? RUNTIME_EXIT.delivered : RUNTIME_EXIT.connectionFailed;
  };
  try {
    const res = await client.about(Math.min(config.requestTimeoutMs, config.deadlineMs));
    const type = String(res.headers['content-type'] ?? '');
    if (res.status === 200 && type.includes('html')) {
      return say(false, `${config.url} answered with a web page, not the API: this is the browser URL; use the API URL (XSOAR 8: https://api-<tenant>...)`);
    }
    if (res.status !== 200) return say(false, explainHaltStatus(res.status), { status: res.status });
    let version = 'unknown version';
    try {
      const about = JSON.parse(res.text) as Record<string, unknown>;
      version = String(about.demistoVersion ?? about.version ?? version);
    } catch {
      return say(false, `${config.url} answered 200 but not with JSON: is this the XSOAR API URL?`);
    }
    return say(true, `OK: connected to Cortex XSOAR ${version} at ${config.url}; the API key was accepted`, { version });
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    return say(false, explainFailure(error, config), { code: error.code });
  } finally {
    client.close();
  }
}

/** What to fix when a request got no answer, in one sentence (also used by `alertsmith xsoar diff`). */
export function explainFailure(error: HttpFailure, config: RuntimeConfig): string {
  if (UNTRUSTED_CERT.has(error.code)) {
    return `the server's TLS certificate is not trusted (${error.code}): set SSL_CERT_FILE to the CA bundle that signed it`;
  }
  if (error.code === 'ECONNREFUSED') return `nothing accepts connections at ${config.url}: check the host and port`;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return `cannot resolve the host of ${config.url}: check the URL`;
  if (error.code === 'ETIMEDOUT' || error.code === 'ECONNECTTIMEOUT') return `no answer from ${config.url} in time: ${error.message}`;
  if (error.code === 'EPROTO' || /wrong version number|packet length/i.test(error.message)) {
    return `the TLS handshake with ${config.url} failed: check http:// versus https://`;
  }
  return `cannot reach ${config.url}: ${error.message}`;
}

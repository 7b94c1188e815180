import { RUNTIME_EXIT } from './exit-codes.js';
import { AlertsmithError } from '../errors.js';

/** What a `--config FILE` may hold (JSON). Every key is optional; the environment wins over it. */
export interface RuntimeConfigFile {
  /** XSOAR API base URL (`DEMISTO_BASE_URL`). */
  url?: string;
  /** API key (`DEMISTO_API_KEY`). Only in a file readable by its owner alone. */
  apiKey?: string;
  /** API key id (`DEMISTO_API_KEY_ID`); setting it means XSOAR 8 paths and headers. */
  apiKeyId?: string;
  /** `advanced` for XSOAR advanced API keys (nonce, timestamp, sha256). @default "standard" */
  auth?: 'standard' | 'advanced';
  /** Verify the server's TLS certificate (`DEMISTO_VERIFY_SSL`). @default true */
  verifySsl?: boolean;
  /** PEM CA bundle that replaces Node's built-in roots (`SSL_CERT_FILE`). */
  caFile?: string;
  /** Proxy URL (`HTTPS_PROXY` / `HTTP_PROXY`). */
  proxy?: string;
  /** State folder (`ALERTSMITH_STATE_DIR`). @default "$XDG_STATE_HOME/alertsmith" else "~/.local/state/alertsmith" */
  stateDir?: string;
  /** Total time one invocation may take, in ms (`ALERTSMITH_DEADLINE_MS`). @default 20000 */
  deadlineMs?: number;
  /** Requests in flight at once (`ALERTSMITH_CONCURRENCY`). @default 8 */
  concurrency?: number;
  /** Time allowed to connect, in ms. @default 5000 */
  connectTimeoutMs?: number;
  /** Time allowed for one request, in ms. @default 10000 */
  requestTimeoutMs?: number;
  /** Attempts per incident and invocation, first one included. @default 5 */
  maxAttempts?: number;
  /** Largest stdin accepted, in bytes (`ALERTSMITH_MAX_INPUT_BYTES`). @default 268435456 (256 MiB) */
  maxInputBytes?: number;
}

export interface RuntimeConfig {
  url?: string;
  apiKey?: string;
  apiKeyId?: string;
  auth: 'standard' | 'advanced';
  verifySsl: boolean;
  caFile?: string;
  proxy?: string;
  noProxy: string[];
  stateDir: string;
  deadlineMs: number;
  concurrency: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
  maxInputBytes: number;
}

/**
 * How long after its deadline a process may still be finishing (its last request, the syncs):
 * its claims and its intake are not taken over before then, even when its pid looks alive.
 */
export const AFTER_DEADLINE_MS = 30_000;

export const RUNTIME_DEFAULTS = {
  auth: 'standard',
  verifySsl: true,
  deadlineMs: 20_000,
  concurrency: 8,
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  maxAttempts: 5,
  maxInputBytes: 256 * 1024 * 1024,
} as const;

export interface RuntimeFlags {
  stateDir?: string;
  deadlineMs?: string;
}

/**
 * Resolves the configuration: flag, then environment, then config file, then defaults. Pure:
 * the caller reads the file and passes the environment.
 */
export function resolveRuntimeConfig(
  flags: RuntimeFlags,
  env: Record<string, string | undefined>,
  file: RuntimeConfigFile,
  home: string,
): RuntimeConfig {
  const e = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const auth = e('ALERTSMITH_XSOAR_AUTH') ?? file.auth ?? RUNTIME_DEFAULTS.auth;
  if (auth !== 'standard' && auth !== 'advanced') {
    throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `auth must be "standard" or "advanced"; got "${auth}"`);
  }
  const verifyText = e('DEMISTO_VERIFY_SSL');
  const verifySsl = verifyText !== undefined ? !['false', '0', 'no', 'off'].includes(verifyText.toLowerCase()) : (file.verifySsl ?? true);
  const stateDir =
    flags.stateDir ?? e('ALERTSMITH_STATE_DIR') ?? file.stateDir ?? `${e('XDG_STATE_HOME') ?? `${home}/.local/state`}/alertsmith`;
  const config: RuntimeConfig = {
    auth,
    verifySsl,
    noProxy: (e('NO_PROXY') ?? e('no_proxy') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''),
    stateDir,
    deadlineMs: positive('deadline', flags.deadlineMs ?? e('ALERTSMITH_DEADLINE_MS'), file.deadlineMs, RUNTIME_DEFAULTS.deadlineMs),
    concurrency: positive('concurrency', e('ALERTSMITH_CONCURRENCY'), file.concurrency, RUNTIME_DEFAULTS.concurrency),
    connectTimeoutMs: positive('connectTimeoutMs', undefined, file.connectTimeoutMs, RUNTIME_DEFAULTS.connectTimeoutMs),
    requestTimeoutMs: positive('requestTimeoutMs', undefined, file.requestTimeoutMs, RUNTIME_DEFAULTS.requestTimeoutMs),
    maxAttempts: positive('maxAttempts', undefined, file.maxAttempts, RUNTIME_DEFAULTS.maxAttempts),
    maxInputBytes: positive('maxInputBytes', e('ALERTSMITH_MAX_INPUT_BYTES'), file.maxInputBytes, RUNTIME_DEFAULTS.maxInputBytes),
  };
  const url = e('DEMISTO_BASE_URL') ?? file.url;
  if (url !== undefined) config.url = url.replace(/\/+$/, '');
  const apiKey = e('DEMISTO_API_KEY') ?? file.apiKey;
  if (apiKey !== undefined) config.apiKey = apiKey;
  const apiKeyId = e('DEMISTO_API_KEY_ID') ?? e('XSIAM_AUTH_ID') ?? file.apiKeyId;
  if (apiKeyId !== undefined) config.apiKeyId = apiKeyId;
  const caFile = e('SSL_CERT_FILE') ?? file.caFile;
  if (caFile !== undefined) config.caFile = caFile;
  const proxy = e('HTTPS_PROXY') ?? e('https_proxy') ?? e('HTTP_PROXY') ?? e('http_proxy') ?? file.proxy;
  if (proxy !== undefined) config.proxy = proxy;
  return config;
}

function positive(name: string, text: string | undefined, fromFile: number | undefined, fallback: number): number {
  if (text !== undefined) {
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) {
      throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `${name} must be a whole number above 0; got "${text}"`, RUNTIME_EXIT.usage);
    }
    return n;
  }
  if (fromFile !== undefined) {
    if (!Number.isInteger(fromFile) || fromFile <= 0) {
      throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `config ${name} must be a whole number above 0; got ${JSON.stringify(fromFile)}`);
    }
    return fromFile;
  }
  return fallback;
}

const FILE_KEYS: Record<keyof RuntimeConfigFile, 'string' | 'number' | 'boolean'> = {
  url: 'string', apiKey: 'string', apiKeyId: 'string', auth: 'string', verifySsl: 'boolean', caFile: 'string',
  proxy: 'string', stateDir: 'string', deadlineMs: 'number', concurrency: 'number', connectTimeoutMs: 'number',
  requestTimeoutMs: 'number', maxAttempts: 'number', maxInputBytes: 'number',
};

/** Checks a parsed config file: an object whose known keys have the right types; unknown keys are errors (typos). */
export function checkConfigFile(value: unknown, path: string): RuntimeConfigFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `${path}: must hold a JSON object`);
  }
  for (const [key, v] of Object.entries(value)) {
    const want = Object.hasOwn(FILE_KEYS, key) ? FILE_KEYS[key as keyof RuntimeConfigFile] : undefined;
    if (want === undefined) {
      throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `${path}: unknown key "${key}" (known: ${Object.keys(FILE_KEYS).join(', ')})`);
    }
    if (typeof v !== want) throw new AlertsmithError('ALERTSMITH_CONFIG_INVALID', `${path}: "${key}" must be a ${want}`);
  }
  return value as RuntimeConfigFile;
}

import { describe, expect, it } from 'vitest';
import { createLog } from '../../src/runtime/log.js';
import { checkConfigFile, resolveRuntimeConfig } from '../../src/runtime/runtime-config.js';

describe('resolveRuntimeConfig', () => {
  it('uses demisto-py environment names, and the environment wins over the file', () => {
    const c = resolveRuntimeConfig(
      {},
      { DEMISTO_BASE_URL: 'https://api-acme.example/', DEMISTO_API_KEY: 'env-key', XSIAM_AUTH_ID: '3', DEMISTO_VERIFY_SSL: 'no', HTTPS_PROXY: 'http://p:3128' },
      { url: 'https://file.example', apiKey: 'file-key', verifySsl: true, deadlineMs: 5000 },
      '/home/u',
    );
    expect(c).toMatchObject({ url: 'https://api-acme.example', apiKey: 'env-key', apiKeyId: '3', verifySsl: false, proxy: 'http://p:3128', deadlineMs: 5000 });
  });

  it('puts state under XDG_STATE_HOME, else ~/.local/state, unless a flag or ALERTSMITH_STATE_DIR says otherwise', () => {
    expect(resolveRuntimeConfig({}, {}, {}, '/home/u').stateDir).toBe('/home/u/.local/state/alertsmith');
    expect(resolveRuntimeConfig({}, { XDG_STATE_HOME: '/x' }, {}, '/home/u').stateDir).toBe('/x/alertsmith');
    expect(resolveRuntimeConfig({}, { ALERTSMITH_STATE_DIR: '/e' }, { stateDir: '/f' }, '/h').stateDir).toBe('/e');
    expect(resolveRuntimeConfig({ stateDir: '/flag' }, { ALERTSMITH_STATE_DIR: '/e' }, {}, '/h').stateDir).toBe('/flag');
  });

  it('defaults to a 20 s deadline, TLS verification on and standard keys', () => {
    expect(resolveRuntimeConfig({}, {}, {}, '/h')).toMatchObject({ deadlineMs: 20_000, verifySsl: true, auth: 'standard', concurrency: 8 });
  });

  it('refuses a deadline that is not a positive whole number', () => {
    expect(() => resolveRuntimeConfig({ deadlineMs: 'soon' }, {}, {}, '/h')).toThrow(/deadline must be a whole number/);
  });
});

describe('checkConfigFile', () => {
  it('refuses unknown keys and wrong types, naming the file', () => {
    expect(() => checkConfigFile({ api_key: 'x' }, 'c.json')).toThrow(/c.json: unknown key "api_key"/);
    expect(() => checkConfigFile({ deadlineMs: '5' }, 'c.json')).toThrow(/"deadlineMs" must be a number/);
    expect(() => checkConfigFile([], 'c.json')).toThrow(/JSON object/);
    for (const key of ['constructor', 'toString', '__proto__']) {
      expect(() => checkConfigFile(JSON.parse(`{"${key}": 1}`), 'c.json')).toThrow(`c.json: unknown key "${key}"`);
    }
  });
});

describe('the JSON-lines log', () => {
  it('writes one JSON object per line and redacts secrets, raw or JSON-escaped', () => {
    const lines: string[] = [];
    const log = createLog((l) => lines.push(l));
    log.addSecret('s3cr"et-key');
    log.write('error', 'boom', { message: 'key s3cr"et-key in text', nested: { v: 's3cr"et-key' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]).not.toContain('s3cr');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'boom', message: 'key [redacted] in text', nested: { v: '[redacted]' } });
  });
});

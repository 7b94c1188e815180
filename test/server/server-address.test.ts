import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_MS, serverIdleMs, serverSocketPath, serverWanted } from '../../src/server/server-address.js';

describe('serverWanted', () => {
  it('is on by default, off in CI and when turned off, and on when turned on, even in CI', () => {
    expect(serverWanted({}, false)).toBe(true);
    expect(serverWanted({}, true)).toBe(false);
    for (const off of ['0', 'off', 'false', 'no', ' OFF ']) expect(serverWanted({ ALERTSMITH_SERVER: off }, false)).toBe(false);
    for (const on of ['1', 'on', 'true', 'yes']) expect(serverWanted({ ALERTSMITH_SERVER: on }, true)).toBe(true);
  });
});

describe('serverSocketPath', () => {
  it('is one short path per project folder, whatever its depth', () => {
    const deep = path.join('/home/someone', ...Array.from({ length: 30 }, (_, i) => `folder-${i}`));
    expect(serverSocketPath(deep).length).toBeLessThan(104);
    expect(serverSocketPath(deep)).toBe(serverSocketPath(`${deep}/`));
    expect(serverSocketPath(deep)).not.toBe(serverSocketPath(`${deep}-2`));
  });
});

describe('serverIdleMs', () => {
  it('takes ALERTSMITH_SERVER_IDLE in seconds, else 10 minutes', () => {
    expect(serverIdleMs({})).toBe(DEFAULT_IDLE_MS);
    expect(serverIdleMs({ ALERTSMITH_SERVER_IDLE: '30' })).toBe(30_000);
    expect(serverIdleMs({ ALERTSMITH_SERVER_IDLE: 'soon' })).toBe(DEFAULT_IDLE_MS);
    expect(serverIdleMs({ ALERTSMITH_SERVER_IDLE: '0' })).toBe(DEFAULT_IDLE_MS);
  });
});

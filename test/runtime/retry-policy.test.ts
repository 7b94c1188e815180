import { describe, expect, it } from 'vitest';
import { backoffMs, classifyCreateResponse, parseRetryAfter } from '../../src/runtime/retry-policy.js';

/** A reply as the client summarises it. */
const reply = (status: number, text: string, retryAfter?: string, incidentId: string | null = null) => ({ status, text, retryAfter, incidentId });

describe('classifyCreateResponse', () => {
  it('counts a 2xx with an incident id as created; without one, the outcome is unknown', () => {
    expect(classifyCreateResponse(reply(201, '{"id":"178791"}', undefined, '178791'), 0)).toEqual({ kind: 'created', incidentId: '178791' });
    expect(classifyCreateResponse(reply(200, 'not json'), 0)).toMatchObject({ kind: 'retry', mayHaveCreated: true });
  });

  it('retries 408, 429 and 5xx, honouring Retry-After; only after a 5xx may the incident exist', () => {
    expect(classifyCreateResponse(reply(503, ''), 0)).toMatchObject({ kind: 'retry', mayHaveCreated: true });
    expect(classifyCreateResponse(reply(504, '<html>Gateway Timeout</html>'), 0)).toMatchObject({ kind: 'retry', mayHaveCreated: true });
    expect(classifyCreateResponse(reply(408, ''), 0)).toMatchObject({ kind: 'retry', mayHaveCreated: false });
    expect(classifyCreateResponse(reply(429, '', '3'), 0)).toEqual({ kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 3000, mayHaveCreated: false });
  });

  it('rejects bodies XSOAR calls invalid, with its reason', () => {
    expect(classifyCreateResponse(reply(400, '{"title":"Bad Request","detail":"labels must be strings"}'), 0)).toEqual({
      kind: 'reject', status: 400, reason: 'XSOAR refused the incident (400): Bad Request: labels must be strings',
    });
  });

  it('halts on a refused key or a wrong URL instead of retrying', () => {
    const forbidden = classifyCreateResponse(reply(403, '{"detail":"Issue with CSRF code"}'), 0);
    expect(forbidden).toMatchObject({ kind: 'halt', status: 403 });
    expect(forbidden.kind === 'halt' && forbidden.reason).toMatch(/^the API key was refused/);
    expect(classifyCreateResponse(reply(404, ''), 0)).toMatchObject({ kind: 'halt' });
  });
});

describe('parseRetryAfter and backoffMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('0', 0)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });

  it('grows exponentially under a cap, scaled by the jitter', () => {
    expect(backoffMs(0, 1)).toBe(200);
    expect(backoffMs(3, 1)).toBe(1600);
    expect(backoffMs(20, 1)).toBe(5000);
    expect(backoffMs(3, 0.5)).toBe(800);
    expect(backoffMs(3, 0)).toBe(0);
  });
});

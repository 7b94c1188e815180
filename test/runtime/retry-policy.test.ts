import { describe, expect, it } from 'vitest';
import { backoffMs, classifyCreateResponse, classifySearchFailure, explainHaltStatus, parseRetryAfter } from '../../src/runtime/retry-policy.js';

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

describe('classifyCreateResponse at the edges of each class', () => {
  it('treats only 200-299 as answered, and a status no class covers as a halt that names it', () => {
    expect(classifyCreateResponse(reply(299, '', undefined, '7'), 0)).toEqual({ kind: 'created', incidentId: '7' });
    expect(classifyCreateResponse(reply(204, ''), 0)).toEqual({ kind: 'retry', reason: 'XSOAR answered 204 without a readable incident id', mayHaveCreated: true });
    expect(classifyCreateResponse(reply(300, '', undefined, '7'), 0)).toEqual({ kind: 'halt', status: 300, reason: 'XSOAR answered 300' });
    expect(classifyCreateResponse(reply(199, '', undefined, '7'), 0)).toEqual({ kind: 'halt', status: 199, reason: 'XSOAR answered 199' });
    expect(classifyCreateResponse(reply(499, ''), 0)).toEqual({ kind: 'halt', status: 499, reason: 'XSOAR answered 499' });
  });

  it('retries from 500 up, with the reply in the reason; 408 without a Retry-After wait', () => {
    expect(classifyCreateResponse(reply(500, 'oops'), 0)).toEqual({ kind: 'retry', reason: 'server error 500: oops', mayHaveCreated: true });
    expect(classifyCreateResponse(reply(408, 'slow', '5'), 0)).toEqual({ kind: 'retry', reason: 'request timeout 408: slow', mayHaveCreated: false });
    expect(classifyCreateResponse(reply(429, 'busy'), 0)).toEqual({ kind: 'retry', reason: 'rate limited (429)', mayHaveCreated: false });
  });

  it('rejects 413 and 422 as it does 400', () => {
    expect(classifyCreateResponse(reply(413, ''), 0)).toEqual({ kind: 'reject', status: 413, reason: 'XSOAR refused the incident (413)' });
    expect(classifyCreateResponse(reply(422, 'x'), 0)).toEqual({ kind: 'reject', status: 422, reason: 'XSOAR refused the incident (422): x' });
  });

  it('reads the reason from title, detail and error of a JSON reply, else from the text on one line', () => {
    const reason = (text: string) => (classifyCreateResponse(reply(400, text), 0) as { reason: string }).reason.replace('XSOAR refused the incident (400)', '');
    expect(reason('{"error":"bad type","title":"","detail":7}')).toBe(': bad type');
    expect(reason('{"title":"T","detail":"D","error":"E"}')).toBe(': T: D: E');
    expect(reason('{"other":"x"}')).toBe(': {"other":"x"}');
    expect(reason('null')).toBe(': null');
    expect(reason('  line one\n\n  line two  ')).toBe(': line one line two');
    expect(reason(' \n ')).toBe('');
    expect(reason('x'.repeat(400))).toBe(`: ${'x'.repeat(300)}`);
    expect(reason(JSON.stringify({ title: 'y'.repeat(400) }))).toBe(`: ${'y'.repeat(300)}`);
  });
});

describe('classifySearchFailure', () => {
  it('halts on a refused key, and otherwise retries, assuming the incident may exist', () => {
    expect(classifySearchFailure({ status: 401, text: '', retryAfter: undefined }, 0)).toMatchObject({ kind: 'halt', status: 401 });
    expect(classifySearchFailure({ status: 401, text: '', retryAfter: undefined }, 0)).not.toHaveProperty('mayHaveCreated');
    expect(classifySearchFailure({ status: 429, text: '', retryAfter: '1' }, 0)).toEqual({ kind: 'retry', reason: 'rate limited (429)', retryAfterMs: 1000, mayHaveCreated: true });
    expect(classifySearchFailure({ status: 400, text: '{"detail":"bad query"}', retryAfter: undefined }, 0)).toEqual({
      kind: 'retry', reason: 'the search answered 400: bad query', mayHaveCreated: true,
    });
  });
});

describe('explainHaltStatus', () => {
  it('names the fix for a refused key and for a URL without the API', () => {
    expect(explainHaltStatus(403)).toMatch(/^the API key was refused \(403\): check DEMISTO_API_KEY/);
    expect(explainHaltStatus(401)).toMatch(/^the API key was refused \(401\)/);
    expect(explainHaltStatus(405)).toMatch(/^no XSOAR API answers at this URL \(405\): use the API URL/);
    expect(explainHaltStatus(404)).toMatch(/^no XSOAR API answers at this URL \(404\)/);
    expect(explainHaltStatus(402)).toBe('XSOAR answered 402');
  });
});

describe('parseRetryAfter edges', () => {
  it('ignores blank headers, and waits no time for a date already past', () => {
    expect(parseRetryAfter('   ', 0)).toBeUndefined();
    expect(parseRetryAfter('', 0)).toBeUndefined();
    expect(parseRetryAfter('1.5', 0)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:01 GMT', 5000)).toBe(0);
  });

  it('ignores a negative number of seconds rather than reading it as a date', () => {
    expect(parseRetryAfter('-5', Date.parse('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('gives a 429 without a usable Retry-After no wait of its own, so the backoff decides', () => {
    expect(classifyCreateResponse(reply(429, ''), 0)).not.toHaveProperty('retryAfterMs');
    expect(classifyCreateResponse(reply(429, '', 'soon'), 0)).not.toHaveProperty('retryAfterMs');
  });
});

/**
 * What to do with XSOAR's answer to a create request, and how long to wait before trying
 * again. Pure: the delivery loop supplies the clock and the random source.
 */
export type CreateOutcome =
  | { kind: 'created'; incidentId: string | null }
  /**
   * Try again later in this run (408, 429, 5xx). `mayHaveCreated`: a 5xx may come from a proxy or
   * load balancer after XSOAR acted, so the next attempt searches first; 408 and 429 are refusals
   * made before the request was handled.
   */
  | { kind: 'retry'; reason: string; retryAfterMs?: number; mayHaveCreated: boolean }
  /** The incident itself is invalid: keep it under rejected/, never retry. */
  | { kind: 'reject'; reason: string; status: number }
  /** Retrying cannot help until an operator acts (key refused, wrong URL): stop sending, keep all pending. */
  | { kind: 'halt'; reason: string; status: number };

/** Statuses that mean the create body is at fault. */
const REJECT_STATUSES = new Set([400, 413, 422]);

/** What the classification reads of a reply: its status, text (perhaps cut short), the id read from a 2xx. */
export interface CreateReplySummary {
  status: number;
  text: string;
  incidentId: string | null;
  retryAfter: string | undefined;
}

export function classifyCreateResponse({ status, text, incidentId, retryAfter }: CreateReplySummary, now: number): CreateOutcome {
  if (status >= 200 && status < 300) {
    if (incidentId !== null) return { kind: 'created', incidentId };
    // XSOAR answers a create with the incident: a 2xx without its id (a proxy's page, a reply cut
    // short) says nothing for sure. The next attempt searches before creating.
    return { kind: 'retry', reason: `XSOAR answered ${status} without a readable incident id`, mayHaveCreated: true };
  }
  const detail = summariseErrorBody(text);
  if (status === 429) {
    const wait = parseRetryAfter(retryAfter, now);
    const limited = { kind: 'retry', reason: 'rate limited (429)', mayHaveCreated: false } as const;
    return wait === undefined ? limited : { ...limited, retryAfterMs: wait };
  }
  if (status === 408) return { kind: 'retry', reason: `request timeout 408${detail}`, mayHaveCreated: false };
  if (status >= 500) return { kind: 'retry', reason: `server error ${status}${detail}`, mayHaveCreated: true };
  if (REJECT_STATUSES.has(status)) return { kind: 'reject', reason: `XSOAR refused the incident (${status})${detail}`, status };
  return { kind: 'halt', reason: explainHaltStatus(status) + detail, status };
}

/**
 * What to do when a search for a key fails: a refused key or a wrong URL halts as it does for a
 * create; anything else is retried (the existence of the incident is still unknown).
 */
export function classifySearchFailure(reply: Omit<CreateReplySummary, 'incidentId'>, now: number): CreateOutcome {
  const outcome = classifyCreateResponse({ ...reply, incidentId: null }, now);
  if (outcome.kind === 'retry' || outcome.kind === 'halt') return { ...outcome, ...(outcome.kind === 'retry' ? { mayHaveCreated: true } : {}) };
  return { kind: 'retry', reason: `the search answered ${reply.status}${summariseErrorBody(reply.text)}`, mayHaveCreated: true };
}

export function explainHaltStatus(status: number): string {
  if (status === 401 || status === 403) {
    return `the API key was refused (${status}): check DEMISTO_API_KEY, and DEMISTO_API_KEY_ID for XSOAR 8 or an advanced key`;
  }
  if (status === 404 || status === 405) {
    return `no XSOAR API answers at this URL (${status}): use the API URL (XSOAR 8: https://api-<tenant>...), not the browser URL, and set DEMISTO_API_KEY_ID for XSOAR 8`;
  }
  return `XSOAR answered ${status}`;
}

/** `Retry-After` as seconds or an HTTP date, in ms from now. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  // A negative delay is no delay Retry-After can give: ignored, as an unreadable header is.
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base * 2^attempt)]. */
export function backoffMs(attempt: number, random: number, baseMs = 200, capMs = 5_000): number {
  return Math.round(random * Math.min(capMs, baseMs * 2 ** attempt));
}

/** A short, single-line reading of an error reply (XSOAR's JSON `title`/`detail`, else text). */
function summariseErrorBody(text: string): string {
  if (text.trim() === '') return '';
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const parts = [parsed.title, parsed.detail, parsed.error].filter((p): p is string => typeof p === 'string' && p !== '');
    if (parts.length > 0) return `: ${parts.join(': ').slice(0, 300)}`;
  } catch {
    // not JSON
  }
  return `: ${text.replace(/\s+/g, ' ').trim().slice(0, 300)}`;
}

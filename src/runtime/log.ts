/**
 * The runtime's log: one JSON object per line on stderr (ElastAlert keeps stderr in its own
 * log). Every line passes through redaction, so a secret that reaches a message, an error or a
 * server's reply is never written.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export interface Log {
  write(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
  /** Adds a secret to hide in every later line. */
  addSecret(secret: string | undefined): void;
  redact(text: string): string;
}

export const REDACTED = '[redacted]';

export function createLog(sink: (line: string) => void, base: Record<string, unknown> = {}): Log {
  const secrets: string[] = [];
  const redact = (text: string): string => {
    let out = text;
    for (const s of secrets) out = out.split(s).join(REDACTED);
    return out;
  };
  return {
    addSecret(secret) {
      // Very short secrets would blank ordinary words; keys are long.
      if (secret !== undefined && secret.length >= 4 && !secrets.includes(secret)) {
        secrets.push(secret);
        // A key can also appear JSON-escaped inside a stringified field.
        const escaped = JSON.stringify(secret).slice(1, -1);
        if (escaped !== secret) secrets.push(escaped);
        secrets.sort((a, b) => b.length - a.length);
      }
    },
    redact,
    write(level, event, fields = {}) {
      const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...base, ...fields });
      sink(`${redact(line)}\n`);
    },
  };
}

import type { Finding } from '../check/finding.js';

/** True for a finding as the cache stores it (JSON of a `Finding`). */
export function isFinding(value: unknown): value is Finding {
  if (value === null || typeof value !== 'object') return false;
  const f = value as Record<string, unknown>;
  return (
    typeof f.ruleId === 'string' &&
    (f.level === 'error' || f.level === 'warning') &&
    typeof f.message === 'string' &&
    typeof f.file === 'string' &&
    typeof f.line === 'number' &&
    typeof f.column === 'number' &&
    (f.fix === undefined || typeof f.fix === 'string')
  );
}

/** True for a cached `{ id, findings }` (what the definition checks leave of a file). */
export function isCachedFindings(value: unknown): value is { id: string | undefined; findings: Finding[] } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { id?: unknown; findings?: unknown };
  return (v.id === undefined || typeof v.id === 'string') && Array.isArray(v.findings) && v.findings.every(isFinding);
}

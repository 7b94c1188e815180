/**
 * XSOAR severities: the names authors write and the numbers the incident API takes.
 * Shared by the definition schema, the compiler and the runtime.
 */
export const SEVERITY_NUMBERS = {
  unknown: 0,
  informational: 0.5,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
} as const;

export type SeverityName = keyof typeof SEVERITY_NUMBERS;
export type SeverityNumber = (typeof SEVERITY_NUMBERS)[SeverityName];

export const SEVERITY_NAMES = Object.keys(SEVERITY_NUMBERS) as SeverityName[];
export const SEVERITY_VALUES = Object.values(SEVERITY_NUMBERS) as SeverityNumber[];

/** A severity as written in a definition: XSOAR's name or its number. */
export type Severity = SeverityName | SeverityNumber;

export function severityNumber(severity: Severity): SeverityNumber {
  return typeof severity === 'number' ? severity : SEVERITY_NUMBERS[severity];
}

/** Reads a severity from text (a command-line flag): a name or one of XSOAR's numbers. */
export function parseSeverity(text: string): SeverityNumber | undefined {
  const trimmed = text.trim().toLowerCase();
  // Own keys only: `in` would also answer for `constructor`, `toString`, `__proto__`.
  if (Object.hasOwn(SEVERITY_NUMBERS, trimmed)) return SEVERITY_NUMBERS[trimmed as SeverityName];
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return (SEVERITY_VALUES as number[]).includes(n) ? (n as SeverityNumber) : undefined;
}

/**
 * `{{field.path}}` templates: one parser for the compiler (which checks the fields a
 * template names) and the runtime (which renders it per match).
 *
 * A placeholder is `{{`, optional spaces, a field path, optional spaces, `}}`. Anything else,
 * including a lone `{{`, is literal text. Values are inserted verbatim and never re-read as
 * templates, so a logged value such as `{{x}}` or `%s` stays text.
 */
export type TemplateSegment = { text: string } | { field: string };

/** A field path: what ECS and ElastAlert use (`@timestamp`, `host.name`, `a.b[0].c`, `rule_param_x`). */
export const FIELD_PATH_PATTERN = /^[A-Za-z0-9_@][A-Za-z0-9_@.\-]*(\[\d+\](\.[A-Za-z0-9_@\-][A-Za-z0-9_@.\-]*)?)*$/;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_@][A-Za-z0-9_@.\-\[\]]*)\s*\}\}/g;

export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const path = m[1]!;
    if (!FIELD_PATH_PATTERN.test(path)) continue;
    if (m.index > last) segments.push({ text: template.slice(last, m.index) });
    segments.push({ field: path });
    last = m.index + m[0].length;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  return segments;
}

/** The field paths a template names, in order of first use, without repeats. */
export function templateFields(template: string): string[] {
  const fields = new Set<string>();
  for (const s of parseTemplate(template)) if ('field' in s) fields.add(s.field);
  return [...fields];
}

/** What a placeholder whose field the match lacks renders as. */
export function missingFieldText(path: string): string {
  return `<missing ${path}>`;
}

/**
 * Renders a template. `valueOf` answers a field's value or `undefined` when it is missing;
 * `onMissing` hears of each missing field (the runtime reports them once).
 */
export function renderTemplate(
  template: string,
  valueOf: (path: string) => unknown,
  onMissing?: (path: string) => void,
): string {
  let out = '';
  for (const s of parseTemplate(template)) {
    if ('text' in s) {
      out += s.text;
      continue;
    }
    const value = valueOf(s.field);
    if (value === undefined) {
      onMissing?.(s.field);
      out += missingFieldText(s.field);
    } else {
      out += valueToText(value);
    }
  }
  return out;
}

/** How a match value reads as text: strings verbatim, objects and arrays as JSON, null as empty. */
export function valueToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * A definition object as the text of `definitions/<id>.ts`: `export default defineAlert({...})`,
 * two-space indents, single-quoted strings, trailing commas, keys in the object's order. The same
 * object always gives the same bytes.
 */
export function formatDefinition(definition: Record<string, unknown>, header: string): string {
  return `${header}import { defineAlert } from 'alertsmith';\n\nexport default defineAlert(${formatValue(definition, '')});\n`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const INLINE_WIDTH = 100;

function formatValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + '  ';
    const items = value.map((v) => formatValue(v, inner));
    const inline = `[${items.join(', ')}]`;
    if (!items.some((i) => i.includes('\n')) && value.every((v) => typeof v !== 'object' || v === null) && indent.length + inline.length <= INLINE_WIDTH) return inline;
    return `[\n${items.map((i) => `${inner}${i},\n`).join('')}${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : quote(k)}: ${formatValue(v, inner)},\n`).join('')}${indent}}`;
  }
  throw new TypeError(`cannot write ${typeof value} into a definition`);
}

/** A single-quoted TypeScript string: ASCII controls, line separators and lone surrogates escaped. */
export function quote(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (c === "'" || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += c + text[i + 1];
      i += 1;
    } else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`;
    else out += c;
  }
  return `${out}'`;
}

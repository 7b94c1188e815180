/** `interface CustomEventFields { ... }`, the body captured (field types are string literals: no nested braces). */
const INTERFACE = /\binterface\s+CustomEventFields\b[^{]*\{([^}]*)\}/g;
/** A member name: quoted, or a plain identifier-like name, before `:` or `?:`. */
const MEMBER = /(?:^|[;,\n{])\s*(?:readonly\s+)?(?:'([^']*)'|"([^"]*)"|([A-Za-z_$@][\w$@.-]*))\s*\??\s*:/g;

/**
 * The field names a file declares for all definitions by augmenting `CustomEventFields`
 * (`declare module 'alertsmith' { interface CustomEventFields { 'x.y': 'keyword' } }`), read
 * from its text without a parser, so that `build` need not load TypeScript.
 */
export function customFieldDeclarations(text: string): string[] {
  if (!text.includes('CustomEventFields')) return [];
  const names: string[] = [];
  for (const block of text.matchAll(INTERFACE)) {
    const body = block[1]!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    for (const m of body.matchAll(MEMBER)) names.push(m[1] ?? m[2] ?? m[3]!);
  }
  return names;
}

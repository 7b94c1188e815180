/**
 * A model of ElastAlert's `resolve_string` for tests: Python `%`-formatting with a mapping, then
 * `str.format(**match)`. It throws where Python throws (a lone `%`, `{` or `}`), and records
 * every field a placeholder would read, so a test can prove that no logged value can reach argv.
 */
export function resolveStringLikeElastAlert(text: string, match: Record<string, string>, readFields: string[] = []): string {
  // Pass 1: printf-style with a dict: %% -> %, %(name)s -> value, anything else is an error.
  const afterPercent = text.replace(/%(%|\(([^)]*)\)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|[\s\S]?)/g, (all, what: string, name?: string) => {
    if (what === '%') return '%';
    if (name !== undefined) {
      readFields.push(name);
      return match[name] ?? '<MISSING VALUE>';
    }
    throw new Error(`ValueError: unsupported format character in ${JSON.stringify(all)}`);
  });
  // Pass 2: str.format: {{ -> {, }} -> }, {name} -> value, a lone brace is an error.
  return afterPercent.replace(/\{\{|\}\}|\{([^{}]*)\}|[{}]/g, (all, name?: string) => {
    if (all === '{{') return '{';
    if (all === '}}') return '}';
    if (name !== undefined) {
      // `{}` and `{0}` are positional: format(**match) has no positional arguments.
      if (/^\d*$/.test(name)) throw new Error(`IndexError: positional field ${JSON.stringify(all)}`);
      readFields.push(name);
      return match[name] ?? '<MISSING VALUE>';
    }
    throw new Error(`ValueError: single '${all}' encountered in format string`);
  });
}

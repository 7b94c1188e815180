/**
 * ElastAlert passes every `command` argument through `resolve_string`: Python `%`-formatting
 * with the first match, then `str.format`. Doubling `%`, `{` and `}` makes both passes give
 * back exactly the text we mean; with no placeholder left, no logged value can reach argv.
 */
export function escapeForResolveString(text: string): string {
  return text.replace(/[%{}]/g, (c) => c + c);
}

/** The inverse of the two passes on an escaped argument (for tests and previews). */
export function resolveEscapedArgument(escaped: string): string {
  return escaped.replace(/%%/g, '%').replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

/** One single-quoted POSIX shell word: a `'` inside closes the quote, adds an escaped one, and reopens. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A curl command, one option per line: the API reference's examples and the request inspector's
 * "Copy as curl" print the same shape. `options` are shell words as they should appear (quote
 * values with {@link shellQuote}; a header that names `$RELAY_API_TOKEN` stays double-quoted so
 * the shell expands it).
 * @example curlCommand("POST", "http://127.0.0.1:4010/authenticate", [`-H ${shellQuote("accept: application/json")}`])
 */
export function curlCommand(method: string, url: string, options: readonly string[]): string {
  return [`curl -X ${method.toUpperCase()} ${shellQuote(url)}`, ...options].join(" \\\n  ");
}

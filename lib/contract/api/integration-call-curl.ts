import type { IntegrationCall } from "./integration-calls";

/** One single-quoted shell word: a `'` inside closes the quote, adds an escaped one, and reopens. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The recorded call as a curl command to paste in a shell: method, URL, the headers sent and the
 * body. Built from the stored (already redacted) call, so secrets read `[redacted]`; a body cut
 * at 64 KB keeps its marker, which the server will refuse as JSON.
 * @example
 * integrationCallCurl({ method: "POST", url: "http://127.0.0.1:4010/authenticate", requestHeaders: { accept: "application/json" }, requestBody: "{}" })
 * // → "curl -X POST 'http://127.0.0.1:4010/authenticate' \\\n  -H 'accept: application/json' \\\n  --data-raw '{}'"
 */
export function integrationCallCurl(call: Pick<IntegrationCall, "method" | "url" | "requestHeaders" | "requestBody">): string {
  const words = [`curl -X ${call.method} ${shellQuote(call.url)}`];
  for (const [name, value] of Object.entries(call.requestHeaders)) words.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (call.requestBody !== null) words.push(`--data-raw ${shellQuote(call.requestBody)}`);
  return words.join(" \\\n  ");
}

import { curlCommand, shellQuote } from "../curl";
import type { IntegrationCall } from "./integration-calls";

/**
 * The recorded call as a curl command to paste in a shell: method, URL, the headers sent and the
 * body. Built from the stored (already redacted) call, so secrets read `[redacted]`; a body cut
 * at 64 KB keeps its marker, which the server will refuse as JSON.
 * @example
 * integrationCallCurl({ method: "POST", url: "http://127.0.0.1:4010/authenticate", requestHeaders: { accept: "application/json" }, requestBody: "{}" })
 * // → "curl -X POST 'http://127.0.0.1:4010/authenticate' \\\n  -H 'accept: application/json' \\\n  --data-raw '{}'"
 */
export function integrationCallCurl(call: Pick<IntegrationCall, "method" | "url" | "requestHeaders" | "requestBody">): string {
  const headers = Object.entries(call.requestHeaders).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
  return curlCommand(call.method, call.url, call.requestBody === null ? headers : [...headers, `--data-raw ${shellQuote(call.requestBody)}`]);
}

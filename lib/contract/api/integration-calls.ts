import { z } from "zod";
import { IsoDateTime, queryInteger, Uuid } from "./common";

/** What stands in the inspector for a secret: plain ASCII, so a copied curl stays a valid shell line. */
export const REDACTED = "[redacted]";

/** How many calls the inspector keeps per integration server (older ones are pruned). */
export const INTEGRATION_CALLS_KEPT = 200;

/** What ends a body the inspector kept only the first 64 KB of. */
export function cutBodyMarker(wholeBytes: number): string {
  return `\n… [cut by Relay: the whole body had ${wholeBytes} bytes]`;
}

/** Whether a stored body is only the start of the one sent or received (it ends with `cutBodyMarker`). */
export function isCutBody(text: string | null): boolean {
  return text !== null && /\n… \[cut by Relay: the whole body had \d+ bytes\]$/.test(text);
}

/** The status filter: a class (`2xx`…), `error` (no HTTP answer: network error, timeout, cancelled) or one exact code. */
export const IntegrationCallStatusFilter = z
  .string()
  .regex(/^([1-5]xx|error|[1-5]\d\d)$/, "Use 2xx, 3xx, 4xx, 5xx, error or an HTTP status such as 404")
  .describe("`2xx`, `4xx`, `5xx`…, `error` (no HTTP answer), or an exact status such as `404`");
export type IntegrationCallStatusFilter = z.infer<typeof IntegrationCallStatusFilter>;

/** One attempt at a call to an integration server, every secret redacted before it was stored. */
export const IntegrationCall = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  customIntegrationUuid: Uuid.describe("The integration server called"),
  integrationSlug: z.string(),
  connectorUuid: Uuid.nullable().describe("The connector the call was made for; null for the manifest and OAuth"),
  method: z.enum(["GET", "POST"]),
  endpoint: z.string().describe("The path under the server's base URL: `/manifest`, `/actions/createRecord/execute`"),
  url: z.string().describe("The full URL called, secrets redacted"),
  status: z.number().int().nullable().describe("The HTTP status; null when no answer came"),
  errorKind: z.string().nullable().describe("Why no usable answer came: `unreachable`, `timeout`, `badResponse`, `cancelled`…"),
  errorMessage: z.string().nullable(),
  durationMs: z.number().int().describe("From sending to the end of the answer (or the failure)"),
  requestId: z.string().describe("The `X-Request-Id` sent; retries after a 429 share it"),
  requestHeaders: z.record(z.string(), z.string()).describe("The headers sent, credentials redacted"),
  requestBody: z.string().nullable().describe("JSON text as sent, secrets redacted, cut at 64 KB with a marker"),
  responseBody: z.string().nullable().describe("The answer's text, secrets redacted, cut at 64 KB with a marker"),
  requestBytes: z.number().int().nullable().describe("The size of the body as sent"),
  responseBytes: z.number().int().nullable().describe("The size of the answer as read"),
  createdAt: IsoDateTime.describe("When the call was sent"),
});
export type IntegrationCall = z.infer<typeof IntegrationCall>;

/**
 * A call as the inspector's list shows it: no headers and no bodies (200 calls with two 64 KB
 * bodies each would be 25 MB per refresh); one call in full comes from its own route.
 */
export const IntegrationCallSummary = IntegrationCall.omit({ requestHeaders: true, requestBody: true, responseBody: true }).extend({
  failure: z.string().nullable().describe("Why it failed, in a line: the client's error, else the `errorMessage` of a refusal's body"),
});
export type IntegrationCallSummary = z.infer<typeof IntegrationCallSummary>;

/** Whose calls the inspector shows: one custom integration's server, or one connector's (of whichever server). */
export const IntegrationCallScope = z.object({ kind: z.enum(["customIntegration", "connector"]), uuid: Uuid });
export type IntegrationCallScope = z.infer<typeof IntegrationCallScope>;

/** The longest text the calls inspector searches for. */
export const MAX_CALL_SEARCH_CHARS = 200;

export const ListIntegrationCallsQuery = z.object({
  endpoint: z.string().min(1).optional().describe("Only calls to this endpoint path"),
  status: IntegrationCallStatusFilter.optional(),
  search: z.string().min(1).max(MAX_CALL_SEARCH_CHARS).optional().describe("Text the URL, request id or either body contains (case-insensitive)"),
  limit: queryInteger(1, INTEGRATION_CALLS_KEPT).default(INTEGRATION_CALLS_KEPT),
});
export type ListIntegrationCallsQuery = z.infer<typeof ListIntegrationCallsQuery>;

export const ListIntegrationCallsResponseBody = z.object({
  calls: z.array(IntegrationCallSummary).describe("Newest first"),
  endpoints: z.array(z.string()).describe("Every endpoint among the kept calls of this server or connector, for the filter"),
});
export type ListIntegrationCallsResponseBody = z.infer<typeof ListIntegrationCallsResponseBody>;

/** Route params of `/…/:uuid/calls/:callId`. */
export const IntegrationCallParams = z.object({ uuid: Uuid, callId: Uuid.describe("The call's uuid") });
export type IntegrationCallParams = z.infer<typeof IntegrationCallParams>;

export const IntegrationCallResponseBody = z.object({ call: IntegrationCall });
export type IntegrationCallResponseBody = z.infer<typeof IntegrationCallResponseBody>;

/**
 * Why a call failed, in a line: the client's error, else the `errorMessage` of a refusal's body
 * (what the list shows under a 4xx or 5xx).
 */
export function integrationCallFailure(call: Pick<IntegrationCall, "status" | "errorMessage" | "responseBody">): string | null {
  if (call.errorMessage) return call.errorMessage;
  if (call.status === null || call.status < 400 || !call.responseBody) return null;
  try {
    const message = (JSON.parse(call.responseBody) as { errorMessage?: unknown } | null)?.errorMessage;
    return typeof message === "string" ? message : null;
  } catch {
    return null;
  }
}

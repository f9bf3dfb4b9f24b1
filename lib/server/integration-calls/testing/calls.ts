import type { ObservedCall } from "@/lib/integrations";
import { captureCall } from "../capture-call";
import { redactCall, type CallOrigin } from "../redact-call";

export const BASE = "https://crm.example.com/v1";

/** A connector of a custom integration, its `apiKey` declared secret. */
export function makeOrigin(config: Record<string, unknown>, overrides: Partial<CallOrigin> = {}): CallOrigin {
  return {
    custom: { uuid: "00000000-0000-4000-8000-00000000000a", workspaceUuid: "00000000-0000-4000-8000-000000000001", slug: "crm" },
    connector: { uuid: "00000000-0000-4000-8000-00000000000c", config },
    secretPaths: [["apiKey"]],
    ...overrides,
  };
}

/** A call as the client reports it, an action execute by default; the sizes follow the bodies unless given. */
export function makeObservedCall(overrides: Partial<ObservedCall> = {}): ObservedCall {
  const call: ObservedCall = {
    operation: "executeAction",
    endpoint: "/actions/find/execute",
    method: "POST",
    url: `${BASE}/actions/find/execute`,
    requestId: "req-1",
    requestHeaders: { accept: "application/json" },
    requestBody: JSON.stringify({ actionConfig: { query: "eu" } }),
    requestBytes: null,
    status: 200,
    errorKind: null,
    errorMessage: null,
    responseBody: JSON.stringify({ outcome: "executed", data: { ok: true } }),
    responseBytes: null,
    startedAt: new Date("2026-03-01T10:00:00.000Z"),
    durationMs: 42,
    ...overrides,
  };
  const bytes = (text: string | null) => (text === null ? null : Buffer.byteLength(text));
  return { ...call, requestBytes: overrides.requestBytes ?? bytes(call.requestBody), responseBytes: overrides.responseBytes ?? bytes(call.responseBody) };
}

/** What the recorder stores of a call: captured as on the call's path, then redacted. */
export function storedCall(overrides: Partial<ObservedCall>, origin: CallOrigin) {
  return redactCall(captureCall(makeObservedCall(overrides)), origin);
}

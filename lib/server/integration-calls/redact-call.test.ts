import { describe, expect, it } from "vitest";
import { REDACTED } from "@/lib/contract";
import type { ObservedCall } from "@/lib/integrations";
import { MAX_BODY_CHARS } from "./redact-body";
import { redactCall, type CallOrigin } from "./redact-call";

const CANARY = "canary-Zq7\"secret/+&é";
const BASE = "https://crm.example.com/v1";
const origin: CallOrigin = {
  custom: { uuid: "00000000-0000-4000-8000-00000000000a", workspaceUuid: "00000000-0000-4000-8000-000000000001", slug: "crm", baseUrl: BASE },
  connector: { uuid: "00000000-0000-4000-8000-00000000000c", config: { apiKey: CANARY, region: "eu", nested: { refreshToken: "rt-unmarked-1" } } },
  secretPaths: [["apiKey"]],
};

function observed(overrides: Partial<ObservedCall> = {}): ObservedCall {
  return {
    method: "POST",
    url: `${BASE}/actions/find/execute`,
    requestId: "req-1",
    requestHeaders: { accept: "application/json" },
    requestBody: JSON.stringify({ connectorConfig: origin.connector!.config, actionConfig: { query: "eu" } }),
    status: 200,
    errorKind: null,
    errorMessage: null,
    responseBody: JSON.stringify({ outcome: "executed", data: { ok: true } }),
    startedAt: new Date("2026-03-01T10:00:00.000Z"),
    durationMs: 42,
    ...overrides,
  };
}

/** Every form a secret could take in the stored call: as is, JSON-escaped, URL-encoded. */
function expectNoCanary(value: unknown) {
  const text = JSON.stringify(value);
  for (const form of [CANARY, JSON.stringify(CANARY).slice(1, -1), encodeURIComponent(CANARY), "rt-unmarked-1"]) expect(text).not.toContain(form);
}

describe("redactCall", () => {
  it("hides the connector's secrets in headers, URL, bodies, nested strings and the error, and keeps the rest", () => {
    const stored = redactCall(
      observed({
        url: `${BASE}/actions/find/execute?q=${encodeURIComponent(`x ${CANARY} y`)}&api_key=plain-query-key&page=2`,
        requestHeaders: { accept: "application/json", "x-upstream": `Bearer ${CANARY}`, authorization: "Basic dXNlcjpwYXNz", "x-api-key": "header-key-1" },
        requestBody: JSON.stringify({ connectorConfig: origin.connector!.config, actionConfig: { note: `they said ${CANARY} twice: ${CANARY}`, list: [{ deep: [CANARY] }] } }),
        responseBody: JSON.stringify({ outcome: "executed", data: { echo: `key=${CANARY}`, accessToken: "fresh-token-2", region: "eu" } }),
        status: 500,
        errorMessage: `The integration server answered: bad key ${CANARY}`,
      }),
      origin,
    );
    expectNoCanary(stored);
    for (const other of ["plain-query-key", "dXNlcjpwYXNz", "header-key-1", "fresh-token-2"]) expect(JSON.stringify(stored)).not.toContain(other);
    expect(stored.url).toBe(`${BASE}/actions/find/execute?q=x%20${REDACTED}%20y&api_key=${REDACTED}&page=2`);
    expect(stored.requestHeaders).toEqual({ accept: "application/json", "x-upstream": `Bearer ${REDACTED}`, authorization: REDACTED, "x-api-key": REDACTED });
    expect(JSON.parse(stored.requestBody!)).toEqual({
      connectorConfig: { apiKey: REDACTED, region: "eu", nested: { refreshToken: REDACTED } },
      actionConfig: { note: `they said ${REDACTED} twice: ${REDACTED}`, list: [{ deep: [REDACTED] }] },
    });
    expect(JSON.parse(stored.responseBody!)).toEqual({ outcome: "executed", data: { echo: `key=${REDACTED}`, accessToken: REDACTED, region: "eu" } });
    expect(stored.errorMessage).toBe(`The integration server answered: bad key ${REDACTED}`);
    expect(stored).toMatchObject({
      workspaceUuid: origin.custom.workspaceUuid,
      customIntegrationUuid: origin.custom.uuid,
      integrationSlug: "crm",
      connectorUuid: origin.connector!.uuid,
      endpoint: "/actions/find/execute",
      status: 500,
      durationMs: 42,
      requestId: "req-1",
      createdAt: "2026-03-01T10:00:00.000Z",
    });
  });

  it("hides a secret field of any config in a body, also one whose value the connector does not hold (an authenticate answer)", () => {
    const stored = redactCall(observed({ url: `${BASE}/authenticate`, responseBody: JSON.stringify({ outcome: "success", config: { apiKey: "rotated-key-3", region: "us" } }) }), origin);
    expect(JSON.parse(stored.responseBody!)).toEqual({ outcome: "success", config: { apiKey: REDACTED, region: "us" } });
  });

  it("hides the OAuth code sent and the token it bought", () => {
    const stored = redactCall(
      observed({ url: `${BASE}/completeOauth`, requestBody: JSON.stringify({ code: "oauth-code-4", redirectUri: "http://app/cb", params: { code: "oauth-code-4" } }), responseBody: '{"value":"oauth-token-5"}' }),
      { custom: origin.custom, secretPaths: [] },
    );
    expect(stored.connectorUuid).toBeNull();
    expect(JSON.parse(stored.requestBody!)).toEqual({ code: REDACTED, redirectUri: "http://app/cb", params: { code: REDACTED } });
    expect(JSON.parse(stored.responseBody!)).toEqual({ value: REDACTED });
  });

  it("cuts a long body at 64 KB after redacting it, so no part of a secret at the cut is left", () => {
    // The secret straddles the cut, and the body is not JSON: the text way applies.
    const filler = "x".repeat(MAX_BODY_CHARS - 5);
    const long = `${filler}${CANARY}${"y".repeat(200_000)} "password": "long-body-pw-6 and more`;
    const stored = redactCall(observed({ responseBody: long, requestBody: null, method: "GET" }), origin);
    expectNoCanary(stored);
    // Cut first, the kept part would end with "canar".
    expect(stored.responseBody!.slice(0, MAX_BODY_CHARS)).toBe(`${filler}${REDACTED.slice(0, 5)}`);
    expect(stored.responseBody).toMatch(/\[cut by Relay: the whole body had \d+ bytes\]$/);
    expect(stored.responseBody!.length).toBeLessThan(MAX_BODY_CHARS + 100);
    expect(stored.responseBytes).toBe(Buffer.byteLength(long));
    expect(stored.requestBody).toBeNull();
  });

  it("hides credential-like keys in a long JSON body too, a value cut short included", () => {
    const long = JSON.stringify({ rows: "r".repeat(MAX_BODY_CHARS - 30), client_secret: "long-json-secret-7".repeat(10) });
    const stored = redactCall(observed({ responseBody: long }), origin);
    expect(stored.responseBody).not.toContain("long-json-secret-7");
  });

  it("keeps a body with nothing to hide exactly as it was sent", () => {
    const text = '{\n  "big": 12345678901234567890,\n  "region": "eu"\n}';
    expect(redactCall(observed({ responseBody: text }), origin).responseBody).toBe(text);
  });
});

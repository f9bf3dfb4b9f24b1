import { describe, expect, it } from "vitest";
import { REDACTED } from "@/lib/contract";
import { CAPTURED_BODY_CHARS, MAX_BODY_CHARS } from "./capture-call";
import { BASE, makeOrigin, storedCall } from "./testing/calls";

const CANARY = "canary-Zq7\"secret/+&é";
const config = { apiKey: CANARY, region: "eu", nested: { refreshToken: "rt-unmarked-1" } };
const origin = makeOrigin(config);
const stored = (overrides: Parameters<typeof storedCall>[0]) => storedCall(overrides, origin);

/** Every form a secret could take in the stored call: as is, JSON-escaped, URL-encoded. */
function expectNoCanary(value: unknown) {
  const text = JSON.stringify(value);
  for (const form of [CANARY, JSON.stringify(CANARY).slice(1, -1), encodeURIComponent(CANARY), "rt-unmarked-1"]) expect(text).not.toContain(form);
}

describe("redactCall", () => {
  it("redacts a body nested deeper than any walk may go as text, rather than overflowing the stack", () => {
    const depth = 30_000;
    const deep = `${"[".repeat(depth)}${JSON.stringify(CANARY)}${"]".repeat(depth)}`;
    expect(deep.length).toBeLessThan(MAX_BODY_CHARS);
    const call = stored({ responseBody: deep, status: 200 });
    expectNoCanary(call);
    expect(call.responseBody!.startsWith("[[[[")).toBe(true);
  });

  it("hides the connector's secrets in headers, URL, bodies, nested strings and the error, and keeps the rest", () => {
    const call = stored({
      url: `${BASE}/actions/find/execute?q=${encodeURIComponent(`x ${CANARY} y`)}&api_key=plain-query-key&page=2`,
      requestHeaders: { accept: "application/json", "x-upstream": `Bearer ${CANARY}`, authorization: "Basic dXNlcjpwYXNz", "x-api-key": "header-key-1" },
      requestBody: JSON.stringify({ connectorConfig: config, actionConfig: { note: `they said ${CANARY} twice: ${CANARY}`, list: [{ deep: [CANARY] }] } }),
      responseBody: JSON.stringify({ outcome: "executed", data: { echo: `key=${CANARY}`, accessToken: "fresh-token-2", region: "eu" } }),
      status: 500,
      errorMessage: `The integration server answered: bad key ${CANARY}`,
    });
    expectNoCanary(call);
    for (const other of ["plain-query-key", "dXNlcjpwYXNz", "header-key-1", "fresh-token-2"]) expect(JSON.stringify(call)).not.toContain(other);
    expect(call.url).toBe(`${BASE}/actions/find/execute?q=x%20${REDACTED}%20y&api_key=${REDACTED}&page=2`);
    expect(call.requestHeaders).toEqual({ accept: "application/json", "x-upstream": `Bearer ${REDACTED}`, authorization: REDACTED, "x-api-key": REDACTED });
    expect(JSON.parse(call.requestBody!)).toEqual({
      connectorConfig: { apiKey: REDACTED, region: "eu", nested: { refreshToken: REDACTED } },
      actionConfig: { note: `they said ${REDACTED} twice: ${REDACTED}`, list: [{ deep: [REDACTED] }] },
    });
    expect(JSON.parse(call.responseBody!)).toEqual({ outcome: "executed", data: { echo: `key=${REDACTED}`, accessToken: REDACTED, region: "eu" } });
    expect(call.errorMessage).toBe(`The integration server answered: bad key ${REDACTED}`);
    expect(call).toMatchObject({
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
    const call = stored({ operation: "authenticate", endpoint: "/authenticate", url: `${BASE}/authenticate`, responseBody: JSON.stringify({ outcome: "success", config: { apiKey: "rotated-key-3", region: "us" } }) });
    expect(JSON.parse(call.responseBody!)).toEqual({ outcome: "success", config: { apiKey: REDACTED, region: "us" } });
  });

  it("cuts a long body at 64 KB after redacting it, so no part of a secret at the cut is left", () => {
    // The secret straddles the cut, and the body is not JSON: the text way applies.
    const filler = "x".repeat(MAX_BODY_CHARS - 5);
    const long = `${filler}${CANARY}${"y".repeat(200_000)} "password": "long-body-pw-6 and more`;
    const call = stored({ responseBody: long, requestBody: null, method: "GET" });
    expectNoCanary(call);
    // Cut first, the kept part would end with "canar".
    expect(call.responseBody!.slice(0, MAX_BODY_CHARS)).toBe(`${filler}${REDACTED.slice(0, 5)}`);
    expect(call.responseBody).toMatch(/\[cut by Relay: the whole body had \d+ bytes\]$/);
    expect(call.responseBody!.length).toBeLessThan(MAX_BODY_CHARS + 100);
    expect(call.responseBytes).toBe(Buffer.byteLength(long));
    expect(call.requestBody).toBeNull();
  });

  it("leaves no start of a secret where the captured part of a body ends", () => {
    // Many secrets before the cut shrink the text, so what was past 64 KB moves into the kept part.
    const shrinking = `${CANARY} `.repeat(2_000);
    const long = `${shrinking}${"z".repeat(CAPTURED_BODY_CHARS - shrinking.length - 8)}${CANARY}${"w".repeat(10_000)}`;
    const call = stored({ responseBody: long });
    const kept = call.responseBody!.slice(0, call.responseBody!.indexOf("\n… [cut by Relay"));
    // Kept whole, the captured part would end with "canary-Z".
    expect(kept.endsWith("zzz")).toBe(true);
  });

  it("hides credential-like keys in a long JSON body too, a value cut short included", () => {
    const long = JSON.stringify({ rows: "r".repeat(MAX_BODY_CHARS - 30), client_secret: "long-json-secret-7".repeat(10) });
    expect(stored({ responseBody: long }).responseBody).not.toContain("long-json-secret-7");
  });

  it("keeps a body with nothing to hide exactly as it was sent", () => {
    const text = '{\n  "big": 12345678901234567890,\n  "region": "eu"\n}';
    expect(stored({ responseBody: text }).responseBody).toBe(text);
  });
});

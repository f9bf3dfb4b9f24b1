import { describe, expect, it } from "vitest";
import { REDACTED } from "@/lib/contract";
import { MAX_BODY_CHARS } from "./capture-call";
import { makeOrigin, storedCall } from "./testing/calls";

const base64 = (text: string) => Buffer.from(text).toString("base64");

describe("redactCall: the OAuth exchange", () => {
  it("hides the code sent and the token bought by what the call is, whatever its URL looks like", () => {
    // A base URL written with an uppercase host, its default port and a path prefix.
    const call = storedCall(
      {
        operation: "completeOauth",
        endpoint: "/completeOauth",
        url: "https://CRM.example.com:443/Legacy/completeOauth",
        requestBody: JSON.stringify({ code: "oauth-code-4", redirectUri: "http://app/cb", params: { code: "oauth-code-4" } }),
        responseBody: '{"value":"tok-oauth-5"}',
        status: 502,
        errorMessage: "The provider refused oauth-code-4 (token tok-oauth-5 expired)",
      },
      makeOrigin({}, { connector: undefined, secretPaths: [] }),
    );
    expect(call).toMatchObject({ connectorUuid: null, endpoint: "/completeOauth" });
    expect(JSON.parse(call.requestBody!)).toEqual({ code: REDACTED, redirectUri: "http://app/cb", params: { code: REDACTED } });
    expect(JSON.parse(call.responseBody!)).toEqual({ value: REDACTED });
    expect(call.errorMessage).toBe(`The provider refused ${REDACTED} (token ${REDACTED} expired)`);
  });

  it("keeps `code` and `value` of the other calls", () => {
    const call = storedCall({ responseBody: '{"data":{"code":"FR","value":12}}' }, makeOrigin({ apiKey: "k-123456" }));
    expect(call.responseBody).toBe('{"data":{"code":"FR","value":12}}');
  });
});

describe("redactCall: a secret echoed in another encoding", () => {
  const origin = makeOrigin({ apiKey: "sk/live/äbcd", username: "ann" });

  it("hides it in JSON whatever the escapes, as the decoded strings show it", () => {
    for (const echo of ['{"echo":"sk\\/live\\/\\u00e4bcd"}', '{"echo":"x \\u0073k/live/\\u00E4bcd y"}', '{"sk/live/äbcd":1}']) {
      const stored = storedCall({ responseBody: echo }, origin).responseBody!;
      expect(stored, echo).not.toMatch(/live/);
      expect(() => JSON.parse(stored), echo).not.toThrow();
    }
  });

  it("hides it form-encoded, percent-encoded strictly, and in base64 (alone or after a user)", () => {
    const bodies = [
      `q=${new URLSearchParams({ q: "sk/live/äbcd" }).toString().slice(2)}&page=2`,
      `Basic ${base64("ann:sk/live/äbcd")}`,
      `token ${base64("sk/live/äbcd")} and ${Buffer.from("sk/live/äbcd:").toString("base64url")}`,
    ];
    for (const body of bodies) {
      const stored = storedCall({ responseBody: body }, origin);
      expect(stored.responseBody, body).toContain(REDACTED);
      for (const form of [base64("sk/live/äbcd").slice(0, 12), "live", "%2Flive"]) expect(stored.responseBody, body).not.toContain(form);
    }
    // The same in a long body, redacted as text.
    const long = `${"x".repeat(MAX_BODY_CHARS + 10)} ${base64("ann:sk/live/äbcd")}`;
    expect(storedCall({ responseBody: `sk\\/live\\/\\u00e4bcd ${long}` }, origin).responseBody).not.toContain("live");
  });
});

describe("redactCall: short and numeric secrets", () => {
  it("hides a short secret where it stands whole, never inside other text", () => {
    const origin = makeOrigin({ apiKey: "k-123456", pin: "123", word: "abc" }, { secretPaths: [["apiKey"], ["pin"], ["word"]] });
    const call = storedCall(
      { url: "https://crm.example.com/v1/actions/find/execute?pin=123&page=1234", responseBody: '{"pin":"123","note":"bad key abc","other":"abcdef","n":1234}', errorMessage: "bad key abc" },
      origin,
    );
    expect(call.url).toBe(`https://crm.example.com/v1/actions/find/execute?pin=${REDACTED}&page=1234`);
    expect(call.errorMessage).toBe(`bad key ${REDACTED}`);
    expect(JSON.parse(call.responseBody!)).toEqual({ pin: REDACTED, note: `bad key ${REDACTED}`, other: "abcdef", n: 1234 });
  });

  it("takes no number as a secret for its name, and hides a declared one as a whole JSON value", () => {
    const named = storedCall({ responseBody: '{"count":3600,"echo":"ttl 3600"}' }, makeOrigin({ apiKey: "k-123456", tokenTtl: 3600 }));
    expect(named.responseBody).toBe('{"count":3600,"echo":"ttl 3600"}');
    const declared = storedCall({ responseBody: '{"pin":4321,"count":43210}' }, makeOrigin({ apiKey: "k-123456", pin: 4321 }, { secretPaths: [["apiKey"], ["pin"]] }));
    expect(JSON.parse(declared.responseBody!)).toEqual({ pin: REDACTED, count: 43210 });
  });
});

describe("redactCall: an action's own secret fields", () => {
  it("hides the fields the action's config form marks secret, and their values wherever they are echoed", () => {
    const origin = makeOrigin({ apiKey: "k-123456" }, { scoped: { paths: [["smtpPassword"], ["pin"]], values: ["act-pw-9", "42"] } });
    const config = { smtpPassword: "act-pw-9", pin: "42", to: "ann@example.com" };
    const call = storedCall({ requestBody: JSON.stringify({ actionConfig: config, config }), responseBody: '{"data":{"sent":"with act-pw-9","pin":42}}' }, origin);
    const masked = { smtpPassword: REDACTED, pin: REDACTED, to: "ann@example.com" };
    expect(JSON.parse(call.requestBody!)).toEqual({ actionConfig: masked, config: masked });
    expect(JSON.parse(call.responseBody!)).toEqual({ data: { sent: `with ${REDACTED}`, pin: REDACTED } });
  });
});

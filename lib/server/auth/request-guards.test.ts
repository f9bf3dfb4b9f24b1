import { describe, expect, it } from "vitest";
import { readAuthSettings } from "./auth-settings";
import { clientIp } from "./session-cookie";
import { crossSiteRefusal, declaredBodyTooLarge, hostAllowed } from "./request-guards";

const settings = readAuthSettings({ APP_URL: "https://relay.example.com", PORT: "3000" });

describe("hostAllowed", () => {
  it.each([
    ["relay.example.com", true],
    ["localhost:3000", true],
    ["127.0.0.1:3100", true],
    ["[::1]:3000", true],
    ["app.localhost:3000", true],
    ["relay.example.com.attacker.example", false],
    ["attacker.example", false],
    ["10.0.0.5:3000", false],
    ["", false],
    ["bad host", false],
  ])("%s → %s", (host, allowed) => {
    expect(hostAllowed(host, settings)).toBe(allowed);
  });
});

describe("crossSiteRefusal", () => {
  const own = (host: string) => host === "relay.example.com";
  const post = (headers: Record<string, string>, body = '{"a":1}') => new Request("https://relay.example.com/api/v1/x", { method: "POST", headers, body });

  it("lets same-origin JSON through, and requests that no browser page sent (no Origin, no Sec-Fetch-Site)", () => {
    expect(crossSiteRefusal(post({ "sec-fetch-site": "same-origin", origin: "https://relay.example.com", "content-type": "application/json" }), own)).toBeNull();
    expect(crossSiteRefusal(post({ "content-type": "application/json" }), own)).toBeNull();
    expect(crossSiteRefusal(new Request("https://relay.example.com/api/v1/x", { method: "DELETE" }), own)).toBeNull();
  });

  it("never refuses a read", () => {
    expect(crossSiteRefusal(new Request("https://relay.example.com/api/v1/x", { headers: { "sec-fetch-site": "cross-site" } }), own)).toBeNull();
  });

  it.each([
    ["a cross-site fetch", { "sec-fetch-site": "cross-site", "content-type": "application/json" }],
    ["a same-site page on another port", { "sec-fetch-site": "same-site", origin: "https://other.example.com", "content-type": "application/json" }],
    ["another Origin without Sec-Fetch-Site", { origin: "https://attacker.example", "content-type": "application/json" }],
    ["an opaque origin (sandboxed frame)", { origin: "null", "content-type": "application/json" }],
    ["a same-origin text/plain body", { "sec-fetch-site": "same-origin", "content-type": "text/plain" }],
    ["a form post", { "content-type": "application/x-www-form-urlencoded" }],
    ["a multipart post", { "content-type": "multipart/form-data; boundary=x" }],
  ])("refuses %s", (_label, headers) => {
    expect(crossSiteRefusal(post(headers), own)).toMatch(/may not|must be sent as application\/json/);
  });
});

describe("declaredBodyTooLarge", () => {
  it("compares the declared length with the limit", () => {
    const request = (length: string) => new Request("http://localhost/", { method: "POST", headers: { "content-length": length }, body: "x" });
    expect(declaredBodyTooLarge(request("11"), 10)).toBe(true);
    expect(declaredBodyTooLarge(request("10"), 10)).toBe(false);
  });
});

describe("clientIp", () => {
  const request = new Request("http://relay.test/", { headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.2" } });

  it("reads TRUST_PROXY once, with the other settings", () => {
    expect(readAuthSettings({ TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(readAuthSettings({}).trustProxy).toBe(false);
  });

  it("is the last X-Forwarded-For hop behind a trusted proxy, and unknown otherwise", () => {
    expect(clientIp(request, true)).toBe("10.0.0.2");
    expect(clientIp(request, false)).toBeNull();
  });
});

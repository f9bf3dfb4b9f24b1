import { describe, expect, it } from "vitest";
import { makeDemo, VALID_CONNECTOR } from "./test-helpers";

const REDIRECT_URI = "http://app.test/oauth/callback";

/** Opens the consent page and reads the one-time code out of its Authorize form. */
async function authorize(demo: ReturnType<typeof makeDemo>, query: string) {
  const page = await demo.get(`/oauth/authorize?${query}`);
  const code = /name="code" value="([0-9a-f]+)"/.exec(page.body)?.[1];
  return { page, code };
}

describe("POST /authenticate", () => {
  it("accepts the demo API key in both body shapes", async () => {
    const { post } = makeDemo();
    expect((await post("/authenticate", { connectorConfig: VALID_CONNECTOR })).body).toEqual({ outcome: "success" });
    const legacy = { connector: { uuid: "c1", workspaceUuid: "w1", config: { apiKey: "demo-api-key", region: "eu" } } };
    expect((await post("/authenticate", legacy)).body).toEqual({ outcome: "success" });
  });

  it("answers a wrong key or region with HTTP 200 and outcome error", async () => {
    const { post } = makeDemo();
    const wrongKey = await post("/authenticate", { connectorConfig: { apiKey: "nope", region: "us" } });
    expect(wrongKey.status).toBe(200);
    expect(wrongKey.body).toEqual({ outcome: "error", reason: "unauthenticated", errorMessage: "Invalid API key: use demo-api-key" });
    const wrongRegion = await post("/authenticate", { connectorConfig: { apiKey: "demo-api-key", region: "mars" } });
    expect(wrongRegion.body).toMatchObject({ outcome: "error", errorMessage: expect.stringContaining("region") });
  });

  it("refuses connector calls without valid credentials with 401", async () => {
    const demo = makeDemo();
    const config = { objectType: "contacts", property: "id", value: "con_001" };
    const action = await demo.execute("findRecords", config, { connectorConfig: { apiKey: "x" } });
    expect(action.status).toBe(401);
    expect(action.body).toEqual({ errorMessage: "Invalid API key" });
    expect((await demo.post("/autocompletes/listObjects", { connectorConfig: {} })).status).toBe(401);
    expect((await demo.post("/listUsers", {})).status).toBe(401);
  });
});

describe("OAuth", () => {
  it("issues a one-time code on the consent page and trades it for a working token", async () => {
    const demo = makeDemo();
    const { page, code } = await authorize(demo, `redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s1`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.body).toContain("Demo CRM wants to connect");
    expect(page.body).toContain('action="http://app.test/oauth/callback"');
    expect(page.body).toContain('name="state" value="s1"');

    const exchange = await demo.post("/completeOauth", { code, redirectUri: REDIRECT_URI });
    expect(exchange.status).toBe(200);
    const oauthToken = exchange.body.value as string;
    expect(oauthToken).toMatch(/^demo-oauth\./);

    expect((await demo.post("/authenticate", { connectorConfig: { oauthToken, region: "us" } })).body).toEqual({ outcome: "success" });
    const action = await demo.execute("lookupRecord", { objectType: "deals", id: "deal_001" }, { connectorConfig: { oauthToken } });
    expect(action.body.childIndex).toBe(0);
    expect((await demo.post("/authenticate", { connectorConfig: { oauthToken: `${oauthToken}x` } })).body.outcome).toBe("error");
  });

  it("refuses a reused code, a foreign redirect URI and an unknown code", async () => {
    const demo = makeDemo();
    const { code } = await authorize(demo, `redirect_uri=${encodeURIComponent(REDIRECT_URI)}`);
    const mismatch = await demo.post("/completeOauth", { code, redirectUri: "http://evil.test/cb" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errorMessage).toMatch(/redirectUri/);
    expect((await demo.post("/completeOauth", { code, redirectUri: REDIRECT_URI })).status).toBe(200);
    const reuse = await demo.post("/completeOauth", { code, redirectUri: REDIRECT_URI });
    expect(reuse.status).toBe(400);
    expect(reuse.body.errorMessage).toMatch(/already used/);
    expect((await demo.post("/completeOauth", { code: "bogus", redirectUri: REDIRECT_URI })).status).toBe(400);
  });

  it("escapes what it echoes and keeps the redirect URI's own query", async () => {
    const demo = makeDemo();
    const redirect = "http://app.test/cb?tenant=a&x=<b>";
    const state = '"><script>alert(1)</script>';
    const { page } = await authorize(demo, `redirect_uri=${encodeURIComponent(redirect)}&state=${encodeURIComponent(state)}`);
    expect(page.body).not.toContain("<script>");
    expect(page.body).toContain("&#34;&#62;&#60;script&#62;");
    expect(page.body).toContain('name="tenant" value="a"');
    expect(page.body).toContain('name="error" value="access_denied"');
  });

  it("rejects a missing or non-http redirect_uri", async () => {
    const demo = makeDemo();
    expect((await demo.get("/oauth/authorize")).status).toBe(400);
    expect((await demo.get("/oauth/authorize?redirect_uri=javascript:alert(1)")).status).toBe(400);
  });
});

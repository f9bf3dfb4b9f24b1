import { describe, expect, it } from "vitest";
import { makeDemo, VALID_CONNECTOR, type Json } from "./test-helpers";

const connector = { uuid: "conn-1", workspaceUuid: "ws-1", config: VALID_CONNECTOR };

describe("legacy layout under /legacy", () => {
  it("serves the older manifest shape", async () => {
    const { body } = await makeDemo().get("/legacy/manifest");
    expect(body.name).toBe("Demo CRM (legacy)");
    expect(body).not.toHaveProperty("extractors");
    expect(body.autocompletes).toEqual([
      { slug: "listObjects", params: { jsonSchema: {} }, cacheExpirationInSeconds: 3600 },
      expect.objectContaining({ slug: "listObjectProperties", cacheExpirationInSeconds: 300 }),
      expect.objectContaining({ slug: "listOwners", cacheExpirationInSeconds: 60 }),
    ]);
    expect(body.dynamicSchemas).toEqual([expect.objectContaining({ slug: "recordFields", params: { jsonSchema: expect.any(Object) } })]);
    expect(body.model.slug).toEqual({
      jsonSchema: { type: "string", title: "Object", enum: ["contacts", "companies", "deals"] },
      uiSchema: {},
    });
    expect(body.model.variants).toEqual([
      { config: { jsonSchema: expect.any(Object), uiSchema: {} }, mode: { kind: "fetch", isIncremental: true }, preview: "records" },
    ]);
    expect(Object.keys(body.actions)).toContain("createRecord");
    expect(body.connector.config.uiSchema.oauthToken["ui:options"].authorizeUrl).toBe("http://demo.test/legacy/oauth/authorize");
  });

  it("authenticates and lists users", async () => {
    const demo = makeDemo();
    expect((await demo.post("/legacy/authenticate", { connector })).body).toEqual({ outcome: "success" });
    const bad = await demo.post("/legacy/authenticate", { connector: { ...connector, config: { apiKey: "x" } } });
    expect(bad.body.outcome).toBe("error");
    const users = await demo.post("/legacy/listUsers", { connector });
    expect(users.body).toHaveLength(8);
  });

  it("executes actions from {connector, config}", async () => {
    const demo = makeDemo();
    const config = { objectType: "contacts", fields: { email: "legacy@example.com" } };
    const created = await demo.post("/legacy/actions/createRecord/execute", { connector, config });
    expect(created.body).toMatchObject({ outcome: "executed", title: "✅ contact con_051 created" });
    const unauthorised = await demo.post("/legacy/actions/createRecord/execute", { connector: { ...connector, config: {} }, config: {} });
    expect(unauthorised.status).toBe(401);
  });

  it("pages the model with the object type as slug, then counts it", async () => {
    const demo = makeDemo();
    const pages: Json[] = [];
    let meta: Json;
    do {
      const request = { connector, uuid: "model-1", slug: "deals", config: { pageSize: 25 }, meta };
      const { body } = await demo.post("/legacy/model/fetch", request);
      pages.push(body);
      meta = body.data.meta;
    } while (pages.at(-1).data.hasMore);
    expect(pages.map((page) => page.data.records.length)).toEqual([25, 25]);
    expect(pages[0].titleColumnSlug).toBe("name");
    expect((await demo.post("/legacy/model/count", { connector, slug: "deals", config: {} })).body).toEqual({ count: 50 });
    const bothLayouts = { connector, connectorConfig: VALID_CONNECTOR, extractorConfig: { objectType: "companies" } };
    expect((await demo.post("/legacy/model/count", bothLayouts)).body).toEqual({ count: 50 });
    expect((await demo.post("/legacy/model/fetch", { connector, uuid: "model-1", slug: "tickets", config: {} })).status).toBe(400);
  });

  it("answers autocompletes and dynamic schemas named in the body", async () => {
    const demo = makeDemo();
    const owners = await demo.post("/legacy/autocomplete", { connector, slug: "listOwners", value: "hamilton", params: {} });
    expect(owners.body.results).toEqual([expect.objectContaining({ value: "own_008", parent: "Partnerships" })]);
    const params = { objectType: "companies" };
    const properties = await demo.post("/legacy/autocomplete", { connector, slug: "listObjectProperties", params });
    expect(properties.body.results.map((result: { value: string }) => result.value)).toContain("domain");
    const schema = await demo.post("/legacy/getDynamicSchema", { connector, slug: "recordFields", params });
    expect(schema.body.jsonSchema.required).toEqual(["name"]);
    expect((await demo.post("/legacy/autocomplete", { connector, params: {} })).status).toBe(400);
  });

  it("completes OAuth from {params: {code, redirectUri}}", async () => {
    const demo = makeDemo();
    const redirectUri = "http://app.test/cb";
    const page = await demo.get(`/legacy/oauth/authorize?redirect_uri=${encodeURIComponent(redirectUri)}&state=z`);
    const code = /name="code" value="([0-9a-f]+)"/.exec(page.body)?.[1];
    const { status, body } = await demo.post("/legacy/completeOauth", { params: { code, redirectUri } });
    expect(status).toBe(200);
    const legacyConnector = { ...connector, config: { oauthToken: body.value, region: "apac" } };
    expect((await demo.post("/legacy/authenticate", { connector: legacyConnector })).body).toEqual({ outcome: "success" });
    expect((await demo.post("/legacy/completeOauth", { params: { code, redirectUri } })).status).toBe(400);
  });

  it("counts legacy calls under their own paths", async () => {
    const demo = makeDemo();
    await demo.post("/legacy/autocomplete", { connector, slug: "listObjects", params: {} });
    expect((await demo.get("/_demo/stats")).body.calls).toEqual({ "POST /legacy/autocomplete": 1 });
  });
});

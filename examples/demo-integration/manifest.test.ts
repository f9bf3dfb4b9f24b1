import { describe, expect, it } from "vitest";
import { makeDemo } from "./test-helpers";

describe("GET /manifest", () => {
  it("lists every capability as maps by slug", async () => {
    const { body, status } = await makeDemo().get("/manifest");
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: "Demo CRM", color: expect.stringMatching(/^#[0-9A-F]{6}$/i), url: "http://demo.test" });
    expect(body.icon).toMatch(/^<svg/);
    expect(Object.keys(body.actions)).toEqual([
      "createRecord", "updateRecord", "findRecords", "lookupRecord", "exportRecords", "simulateError",
    ]);
    expect(Object.keys(body.autocompletes)).toEqual(["listObjects", "listObjectProperties", "listOwners"]);
    expect(Object.keys(body.dynamicSchemas)).toEqual(["recordFields"]);
    expect(Object.keys(body.extractors)).toEqual(["records"]);
    expect(body.autocompletes.listObjects).toEqual({ params: { jsonSchema: {} }, cacheExpirationInSeconds: 3600 });
    expect(body.autocompletes.listObjectProperties.cacheExpirationInSeconds).toBe(300);
    expect(body.autocompletes.listOwners.cacheExpirationInSeconds).toBe(60);
  });

  it("describes the connector form, with the authorize URL on this server's origin", async () => {
    const { body } = await makeDemo({}, "http://localhost:4321").get("/manifest");
    const { jsonSchema, uiSchema } = body.connector.config;
    expect(jsonSchema.required).toEqual(["apiKey", "region"]);
    expect(jsonSchema.properties.apiKey).toMatchObject({ format: "password", writeOnly: true, description: "Use demo-api-key" });
    expect(jsonSchema.properties.region).toEqual({ type: "string", title: "Region", enum: ["us", "eu", "apac"], default: "us" });
    expect(uiSchema.apiKey).toEqual({ "ui:widget": "password" });
    expect(uiSchema.oauthToken).toEqual({
      "ui:widget": "OAuthWidget",
      "ui:options": { authorizeUrl: "http://localhost:4321/oauth/authorize" },
    });
    expect(body.connector.rateLimit).toEqual({ unit: "second", max: 20 });
  });

  it("wires the form widgets with $this/$parent/$root params", async () => {
    const { actions } = (await makeDemo().get("/manifest")).body;
    expect(actions.createRecord.config.uiSchema.fields).toEqual({
      "ui:widget": "DynamicSchemaWidget",
      "ui:options": { slug: "recordFields", params: { objectType: "$this.$parent.objectType" } },
    });
    const update = actions.updateRecord.config;
    expect(update.uiSchema.matchProperty["ui:options"]).toEqual({
      slug: "listObjectProperties",
      params: { objectType: "$root.objectType" },
    });
    expect(update.uiSchema.mappings.items.name["ui:options"]).toEqual({
      slug: "listObjectProperties",
      params: { objectType: "$this.$parent.$parent.$parent.objectType" },
      allowRefresh: true,
    });
    expect(update.uiSchema.mappings.items.value).toEqual({ "ui:widget": "ExpressionWidget" });
    expect(update.jsonSchema.properties.mappings.items.properties).toHaveProperty("name");
  });

  it("declares the polling policy, branches and extractor mode", async () => {
    const { actions, extractors } = (await makeDemo().get("/manifest")).body;
    expect(actions.exportRecords.executing).toEqual({
      retry: { maximumAttempts: 10, initialInterval: 500, backoffCoefficient: 1.5 },
      withRateLimit: false,
    });
    expect(actions.lookupRecord.children).toEqual([{ text: "Found" }, { text: "Not found" }]);
    expect(actions.simulateError.config.jsonSchema.properties.status.enum).toEqual([400, 401, 404, 422, 429, 500, 503]);
    expect(extractors.records).toMatchObject({
      mode: { kind: "fetch", isIncremental: true, minIntervalInSeconds: 60 },
      preview: "records",
    });
    expect(extractors.records.config.jsonSchema.required).toEqual(["objectType"]);
  });
});

describe("transport", () => {
  it("answers unknown routes with 404 and open CORS", async () => {
    const { status, body, headers } = await makeDemo().get("/nope");
    expect(status).toBe(404);
    expect(body.errorMessage).toMatch(/No route for GET \/nope/);
    expect(headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers preflight requests", async () => {
    const { demo } = makeDemo();
    const response = await demo.fetch(new Request("http://demo.test/actions/createRecord/execute", { method: "OPTIONS" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toContain("idempotency-key");
  });

  it("refuses malformed and non-object JSON bodies with 400", async () => {
    const { post } = makeDemo();
    expect((await post("/authenticate", "{not json")).body.errorMessage).toMatch(/^Malformed JSON body/);
    expect((await post("/authenticate", "[1]")).status).toBe(400);
  });

  it("can be mounted below a base path", async () => {
    const { get } = makeDemo({ basePath: "/demo/" });
    const { body } = await get("/demo/manifest");
    expect(body.connector.config.uiSchema.oauthToken["ui:options"].authorizeUrl).toBe("http://demo.test/demo/oauth/authorize");
    expect((await get("/manifest")).status).toBe(404);
  });

  it("waits latencyMs before answering", async () => {
    const started = Date.now();
    await makeDemo({ latencyMs: 60 }).get("/manifest");
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

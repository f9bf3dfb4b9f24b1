import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIntegrationClient, type IntegrationClient } from "./client";
import { AUTOCOMPLETE_TIMEOUT_MS } from "./http";
import { loopbackOutbound } from "./testing/outbound";
import { expectIntegrationError, reply, startTestServer, type TestServer } from "./testing/test-server";

// Integration servers that misbehave in ways the demo never does, each a real server on loopback.
const connector = { uuid: "c1", workspaceUuid: "w1", config: { apiKey: "k" } };

describe("a server without the optional endpoints", () => {
  let server: TestServer;
  let client: IntegrationClient;
  beforeAll(async () => {
    server = await startTestServer((request, res) => {
      if (request.path === "/listUsers") return reply(res, 200, "<html>Cannot POST /listUsers</html>");
      reply(res, 404, request.path.includes("count") ? "" : { errorMessage: "Not found" });
    });
    client = createIntegrationClient({ outbound: loopbackOutbound, baseUrl: server.url, layout: "seed" });
  });
  afterAll(() => server.close());

  it.each([
    ["listUsers (non-JSON)", () => client.listUsers(connector), "This integration does not support listing users"],
    ["countExtractor", () => client.countExtractor(connector, "records", {}), "This integration does not support counting records"],
    ["dynamicSchema", () => client.dynamicSchema(connector, "fields", {}), 'This integration does not support the dynamic schema "fields"'],
    ["completeOauth", () => client.completeOauth("code", "http://x/cb"), "This integration does not support OAuth"],
  ])("%s → notSupported", async (_name, call, message) => {
    const error = await expectIntegrationError(call());
    expect(error.kind).toBe("notSupported");
    expect(error.message).toBe(message);
  });

  it("a 404 from a required endpoint stays a failure", async () => {
    const error = await expectIntegrationError(client.executeAction(connector, "ping", {}));
    expect(error).toMatchObject({ kind: "errorResponse", status: 404, message: "Not found" });
  });
});

describe("a server whose answers break the contract", () => {
  let server: TestServer;
  let client: IntegrationClient;
  const answers: Record<string, unknown> = {
    "/actions/ping/execute": { outcome: "executed", data: [] },
    "/autocompletes/things": { results: [{ label: 1, value: "a" }, { value: {} }] },
    "/extractors/records/fetch": {
      outcome: "fetched",
      columns: [{ slug: "id", type: "uuid", label: "Id" }],
      idColumnSlug: "id",
      titleColumnSlug: "id",
      data: { kind: "records", records: [], hasMore: "no" },
    },
    "/authenticate": { outcome: "maybe" },
  };
  beforeAll(async () => {
    server = await startTestServer((request, res) => reply(res, 200, answers[request.path] ?? {}));
    client = createIntegrationClient({ outbound: loopbackOutbound, baseUrl: server.url, layout: "seed" });
  });
  afterAll(() => server.close());

  it.each([
    ["executeAction", () => client.executeAction(connector, "ping", {}), ["title", "data"]],
    ["autocomplete", () => client.autocomplete(connector, "things", {}), ["results[0].label", "results[1].label", "results[1].value"]],
    ["fetchExtractor", () => client.fetchExtractor(connector, "records", {}), ["columns[0].type", "data.hasMore"]],
    ["authenticate", () => client.authenticate(connector), ["outcome"]],
  ])("%s → badResponse listing every problem", async (_name, call, paths) => {
    const error = await expectIntegrationError(call());
    expect(error.kind).toBe("badResponse");
    expect(error.problems?.map((problem) => problem.path).sort()).toEqual([...paths].sort());
    expect(error.message).toMatch(/^The integration server's answer to POST \/\S+ does not follow the contract \(\d+ problems?\): \S+: .+$/);
    // The message names the problems too: a run's error shows only the message.
    expect(error.message).toContain(`${[...paths].sort()[0]}`);
  });
});

describe("requests on the wire", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((request, res) =>
      reply(res, 200, request.path.endsWith("/execute") ? { outcome: "executing" } : { results: [] }),
    );
  });
  afterAll(() => server.close());

  it("URL-encodes slugs and sends the Idempotency-Key header", async () => {
    const client = createIntegrationClient({ outbound: loopbackOutbound, baseUrl: `${server.url}/`, layout: "seed" });
    await client.executeAction(connector, "a b/c?", { x: 1 }, { idempotencyKey: "run1:node1" });
    await client.autocomplete(connector, "list/ö", { b: 1 }, "se");
    const [execute, autocomplete] = server.seen.slice(-2);
    expect(execute).toMatchObject({ method: "POST", path: "/actions/a%20b%2Fc%3F/execute" });
    expect(execute!.headers["idempotency-key"]).toBe("run1:node1");
    expect(execute!.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(autocomplete!.path).toBe("/autocompletes/list%2F%C3%B6");
    expect(autocomplete!.headers["idempotency-key"]).toBeUndefined();
  });

  it("sends both layouts' fields, and legacy slugs in the body", async () => {
    const client = createIntegrationClient({ outbound: loopbackOutbound, baseUrl: `${server.url}/legacy`, layout: "legacy" });
    await client.autocomplete(connector, "listThings", { objectType: "deals" });
    expect(server.seen.at(-1)).toMatchObject({
      path: "/legacy/autocomplete",
      body: { connectorConfig: connector.config, connector, slug: "listThings", params: { objectType: "deals" } },
    });
  });
});

describe("autocomplete's time limit", () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it(`bounds the whole call, a 429's Retry-After included, at ${AUTOCOMPLETE_TIMEOUT_MS / 1000} s`, async () => {
    server = await startTestServer((_request, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "30" });
      res.end(JSON.stringify({ errorMessage: "slow down" }));
    });
    const client = createIntegrationClient({ outbound: loopbackOutbound, baseUrl: server.url, layout: "seed" });
    const started = Date.now();
    const error = await expectIntegrationError(client.autocomplete(connector, "things", {}));
    expect(Date.now() - started).toBeLessThan(AUTOCOMPLETE_TIMEOUT_MS + 3_000);
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer POST \S+ within 10 s, waits for its rate limit included$/);
    expect(server.seen).toHaveLength(1);
  }, 20_000);
});

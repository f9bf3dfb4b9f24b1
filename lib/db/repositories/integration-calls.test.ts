import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IntegrationCall, IntegrationCallScope } from "@/lib/contract";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { DEFAULT_WORKSPACE_UUID as WS } from "../migrations";
import { openDatabase, type Database } from "../open-database";

let sequence = 0;

/** A stored call, each one a second after the previous one. */
function makeCall(overrides: Partial<IntegrationCall> & Pick<IntegrationCall, "customIntegrationUuid">): IntegrationCall {
  sequence += 1;
  return {
    uuid: randomUUID(),
    workspaceUuid: WS,
    integrationSlug: "demo",
    connectorUuid: null,
    method: "POST",
    endpoint: "/authenticate",
    url: "http://127.0.0.1:4010/authenticate",
    status: 200,
    errorKind: null,
    errorMessage: null,
    durationMs: 12,
    requestId: `req-${sequence}`,
    requestHeaders: { accept: "application/json" },
    requestBody: "{}",
    responseBody: '{"outcome":"success"}',
    requestBytes: 2,
    responseBytes: 21,
    createdAt: new Date(Date.UTC(2026, 0, 1) + sequence * 1000).toISOString(),
    ...overrides,
  };
}

describe("integration calls", () => {
  let storage: TestStorage;
  let db: Database;
  let server: string;
  let other: string;
  let serverScope: IntegrationCallScope;
  let otherScope: IntegrationCallScope;

  beforeEach(async () => {
    storage = await createTestStorage("integration-calls-test-");
    db = await openDatabase(storage);
    const register = (slug: string) => db.customIntegrations.create(WS, { baseUrl: `http://${slug}.test`, slug, name: slug, layout: "seed", manifest: {} });
    server = (await register("demo")).uuid;
    other = (await register("other")).uuid;
    serverScope = { kind: "customIntegration", uuid: server };
    otherScope = { kind: "customIntegration", uuid: other };
  });
  afterEach(async () => {
    await db.close();
    await storage.cleanup();
  });

  it("keeps the newest 200 calls of each server, listed newest first", async () => {
    const calls = Array.from({ length: 230 }, () => makeCall({ customIntegrationUuid: server }));
    await db.integrationCalls.insertMany(calls.slice(0, 120));
    await db.integrationCalls.insertMany(calls.slice(120));
    await db.integrationCalls.insertMany([makeCall({ customIntegrationUuid: other })]);

    const listed = await db.integrationCalls.list(WS, serverScope);
    expect(listed).toHaveLength(200);
    expect(listed.map((call) => call.uuid)).toEqual(calls.slice(30).reverse().map((call) => call.uuid));
    // The list leaves out headers and bodies; one call comes whole from `get`.
    const { requestHeaders: _, requestBody: __, responseBody: ___, ...summary } = calls.at(-1)!;
    expect(listed[0]).toEqual({ ...summary, failure: null });
    expect(await db.integrationCalls.get(WS, serverScope, calls.at(-1)!.uuid)).toEqual(calls.at(-1));
    expect(await db.integrationCalls.get(WS, otherScope, calls.at(-1)!.uuid)).toBeNull();
    expect(await db.integrationCalls.get(WS, serverScope, calls[0]!.uuid)).toBeNull();
    // The other server's call is counted apart, and the pruning left it alone.
    expect(await db.integrationCalls.list(WS, otherScope)).toHaveLength(1);
  });

  it("orders calls of the same millisecond by when they were stored", async () => {
    const createdAt = "2026-02-01T00:00:00.000Z";
    const calls = [1, 2, 3].map((n) => makeCall({ customIntegrationUuid: server, createdAt, requestId: `same-${n}` }));
    await db.integrationCalls.insertMany(calls);
    expect((await db.integrationCalls.list(WS, serverScope)).map((call) => call.requestId)).toEqual(["same-3", "same-2", "same-1"]);
  });

  it("filters by connector, endpoint, status class, exact status, no answer and text in the bodies", async () => {
    const connectorUuid = randomUUID();
    await db.integrationCalls.insertMany([
      makeCall({ customIntegrationUuid: server, requestId: "auth-ok" }),
      makeCall({ customIntegrationUuid: server, requestId: "exec-404", connectorUuid, endpoint: "/actions/x/execute", status: 404, responseBody: '{"errorMessage":"No Such_Record 100%"}' }),
      makeCall({ customIntegrationUuid: server, requestId: "exec-500", connectorUuid, endpoint: "/actions/x/execute", status: 500 }),
      makeCall({ customIntegrationUuid: server, requestId: "timeout", connectorUuid, status: null, errorKind: "timeout", responseBody: null }),
    ]);
    const ids = async (filter: Parameters<Database["integrationCalls"]["list"]>[2], scope: IntegrationCallScope = serverScope) =>
      (await db.integrationCalls.list(WS, scope, filter)).map((call) => call.requestId);

    expect(await ids({}, { kind: "connector", uuid: connectorUuid })).toEqual(["timeout", "exec-500", "exec-404"]);
    expect(await ids({ endpoint: "/actions/x/execute" })).toEqual(["exec-500", "exec-404"]);
    expect(await ids({ status: "2xx" })).toEqual(["auth-ok"]);
    expect(await ids({ status: "4xx" })).toEqual(["exec-404"]);
    expect(await ids({ status: "500" })).toEqual(["exec-500"]);
    expect(await ids({ status: "error" })).toEqual(["timeout"]);
    expect(await ids({ search: "no such_record 100%" })).toEqual(["exec-404"]);
    // `%` and `_` are text, not wildcards.
    expect(await ids({ search: "no%record" })).toEqual([]);
    expect(await ids({ search: "EXEC-5" })).toEqual(["exec-500"]);
    expect(await ids({ limit: 2 })).toEqual(["timeout", "exec-500"]);
    // A failed call's line: the client's error, else the refusal's `errorMessage`.
    const failures = (await db.integrationCalls.list(WS, serverScope)).map((call) => [call.requestId, call.failure]);
    expect(failures).toEqual([["timeout", null], ["exec-500", null], ["exec-404", "No Such_Record 100%"], ["auth-ok", null]]);
    expect(await db.integrationCalls.endpoints(WS, serverScope)).toEqual(["/actions/x/execute", "/authenticate"]);
    // Another workspace sees nothing of them.
    expect(await db.integrationCalls.list(randomUUID(), serverScope)).toEqual([]);
  });

  it("drops calls of a removed server, and removing a server removes its calls", async () => {
    await db.integrationCalls.insertMany([makeCall({ customIntegrationUuid: server })]);
    await db.customIntegrations.remove(WS, server);
    await db.integrationCalls.insertMany([makeCall({ customIntegrationUuid: server }), makeCall({ customIntegrationUuid: other })]);
    expect(await db.integrationCalls.list(WS, serverScope)).toEqual([]);
    expect(await db.integrationCalls.list(WS, otherScope)).toHaveLength(1);
  });

  it("stores the other servers' calls when a server is removed while its calls are written", async () => {
    await Promise.all([
      db.integrationCalls.insertMany([makeCall({ customIntegrationUuid: server }), makeCall({ customIntegrationUuid: other, requestId: "kept" })]),
      db.customIntegrations.remove(WS, server),
    ]);
    expect((await db.integrationCalls.list(WS, otherScope)).map((call) => call.requestId)).toEqual(["kept"]);
    expect(await db.integrationCalls.list(WS, serverScope)).toEqual([]);
  });
});

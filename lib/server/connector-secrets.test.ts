import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONNECTOR_SECRETS_LOCKED } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { reply, startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { openConnectorSeal, SECRET_MASK } from "@/lib/vault";
import { connectorAutocomplete, connectorDynamicSchema, connectorListUsers } from "./connector-calls";
import { createConnector, getConnector, listConnectors, testConnector, updateConnector } from "./connectors";
import { refreshCustomIntegration, registerCustomIntegration, updateCustomIntegrationUrl } from "./custom-integrations";
import { closeDeps, createDeps, type Deps } from "./deps";
import { AppError } from "./errors";
import { executeConnectorAction } from "./execute-action";
import { createRun } from "./runs";
import { graph } from "./testing/nodes";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";

// Real SQLite, the real vault and two real integration servers on loopback ports: the one the
// secrets were saved for, and the one the integration is moved to.
const ws = DEFAULT_WORKSPACE_UUID;
const OLD_KEY = "sk_live_OLD_CANARY";
const NEW_KEY = "sk_live_NEW_CANARY";

const apiKeySchema = { type: "string", title: "API key", format: "password" };
const manifestWith = (apiKey: Record<string, unknown>) => ({
  name: "Moving CRM",
  description: "A CRM whose server moves",
  icon: "<svg/>",
  color: "#123456",
  url: "https://crm.example.com",
  connector: {
    config: {
      jsonSchema: { type: "object", required: ["apiKey"], properties: { apiKey, region: { type: "string" } } },
      uiSchema: {},
    },
  },
  actions: {
    ping: { name: "Ping", description: "Pings", config: { jsonSchema: { type: "object", properties: {} }, uiSchema: {} } },
  },
  autocompletes: { listOptions: { params: { jsonSchema: {} } } },
  dynamicSchemas: { extra: { params: { jsonSchema: {} } } },
});

/** An integration server that accepts one API key and answers every call the app can make. */
async function crmServer(acceptedKey: string, manifest: () => unknown = () => manifestWith(apiKeySchema)) {
  return startTestServer((request, res) => {
    const body = request.body as { connectorConfig?: { apiKey?: string } } | undefined;
    if (request.method === "GET" && request.path === "/manifest") return reply(res, 200, manifest());
    if (request.path === "/authenticate") {
      const ok = body?.connectorConfig?.apiKey === acceptedKey;
      return reply(res, 200, ok ? { outcome: "success" } : { outcome: "error", reason: "unauthenticated", errorMessage: "Unknown API key" });
    }
    if (request.path === "/actions/ping/execute") return reply(res, 200, { outcome: "executed", title: "Pinged", data: { pong: true } });
    if (request.path === "/autocompletes/listOptions") return reply(res, 200, { results: [{ label: "A", value: "a" }] });
    if (request.path === "/dynamicSchemas/extra") return reply(res, 200, { jsonSchema: { type: "object" }, uiSchema: {} });
    if (request.path === "/listUsers") return reply(res, 200, []);
    reply(res, 404, { errorMessage: "no such route" });
  });
}

/** The requests a server saw that carried a connector config (everything but the manifest). */
const connectorCalls = (server: TestServer) => server.seen.filter((request) => request.path !== "/manifest");

async function expectLocked(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ status: 409, reason: CONNECTOR_SECRETS_LOCKED });
  expect((error as AppError).message).toMatch(/^Re-enter the secrets of "CRM": its integration moved to 127\.0\.0\.1:\d+/);
  expect((error as AppError).message).not.toContain(OLD_KEY);
}

let deps: Deps;
let dataDir: string;
let storage: TestStorage;
const servers: TestServer[] = [];

beforeAll(async () => {
  storage = await createTestStorage("relay-connector-secrets-");
  dataDir = storage.dataDir;
  // The test servers listen on loopback, which the outbound guard refuses unless allowed.
  deps = await createDeps({ dataDir, databaseUrl: storage.databaseUrl, version: "test", outboundAllowlist: ["127.0.0.1"] });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await deps.runs.queue.idle();
  await closeDeps(deps);
  await storage.cleanup();
});

async function setUp(slugSuffix: string) {
  const a = await crmServer(OLD_KEY);
  const b = await crmServer(NEW_KEY);
  servers.push(a, b);
  const custom = await registerCustomIntegration(deps, ws, a.url);
  const connector = await createConnector(deps, ws, {
    integrationSlug: custom.slug,
    slug: `crm_${slugSuffix}`,
    name: "CRM",
    config: { apiKey: OLD_KEY, region: "eu" },
  });
  return { a, b, custom, connector };
}

describe("a connector after its custom integration moved to another server", () => {
  it("is locked: nothing is sent to the new server until the secrets are entered again, and then only the new ones", async () => {
    const { a, b, custom, connector } = await setUp("moved");
    expect(connector).toMatchObject({ secretsLocked: false, secretsLock: null, secretFields: [["apiKey"]] });
    await executeConnectorAction(deps, ws, connector.uuid, "ping", {});
    expect(connectorCalls(a).map((request) => request.path)).toEqual(["/authenticate", "/actions/ping/execute"]);

    await updateCustomIntegrationUrl(deps, ws, custom.uuid, b.url);

    const lock = { reason: "integrationMoved", baseUrl: b.url, fields: [["apiKey"]] };
    expect(await getConnector(deps, ws, connector.uuid)).toMatchObject({ secretsLocked: true, secretsLock: lock, config: { apiKey: SECRET_MASK } });
    expect((await listConnectors(deps, ws, {})).find((c) => c.uuid === connector.uuid)).toMatchObject({ secretsLocked: true, secretsLock: lock });

    await expectLocked(testConnector(deps, ws, connector.uuid));
    await expectLocked(executeConnectorAction(deps, ws, connector.uuid, "ping", {}));
    await expectLocked(connectorAutocomplete(deps, ws, connector.uuid, { slug: "listOptions", params: {} }));
    await expectLocked(connectorDynamicSchema(deps, ws, connector.uuid, { slug: "extra", params: {} }));
    await expectLocked(connectorListUsers(deps, ws, connector.uuid));
    const run = await createRun(
      deps,
      ws,
      {
        nodes: graph(
          { slug: "start", children: ["ping"] },
          { slug: "ping", kind: "connector", integrationSlug: custom.slug, actionSlug: "ping", connectorUuid: connector.uuid, children: ["end"] },
          { slug: "end" },
        ),
        data: {},
      },
      { wait: true },
    );
    expect(run.status).toBe("error");
    expect(run.executions.find((execution) => execution.nodeSlug === "ping")).toMatchObject({
      status: "error",
      errorMessage: expect.stringContaining("Re-enter the secrets"),
      attempts: 1,
    });
    // An update that keeps the old secret (the mask sent back, or the field left out) is refused too.
    await expectLocked(updateConnector(deps, ws, connector.uuid, { config: { apiKey: SECRET_MASK, region: "us" } }));
    await expectLocked(updateConnector(deps, ws, connector.uuid, { config: { region: "us" } }));
    // Renaming sends nothing and leaves it locked.
    expect(await updateConnector(deps, ws, connector.uuid, { name: "CRM" })).toMatchObject({ secretsLocked: true });
    expect(connectorCalls(b)).toEqual([]);

    const unlocked = await updateConnector(deps, ws, connector.uuid, { config: { apiKey: NEW_KEY, region: "us" } });

    expect(unlocked).toMatchObject({ secretsLocked: false, secretsLock: null, config: { apiKey: SECRET_MASK, region: "us" } });
    expect(await executeConnectorAction(deps, ws, connector.uuid, "ping", {})).toMatchObject({ outcome: "executed", data: { pong: true } });
    expect(connectorCalls(b).map((request) => request.path)).toEqual(["/authenticate", "/actions/ping/execute"]);
    for (const request of connectorCalls(b)) {
      expect(request.body).toMatchObject({ connectorConfig: { apiKey: NEW_KEY } });
      expect(request.text).not.toContain(OLD_KEY);
    }
  });

  it("stays locked when the new server refuses the new secrets", async () => {
    const { b, custom, connector } = await setUp("refused");
    await updateCustomIntegrationUrl(deps, ws, custom.uuid, b.url);

    await expect(updateConnector(deps, ws, connector.uuid, { config: { apiKey: "sk_wrong", region: "eu" } })).rejects.toMatchObject({
      status: 422,
      reason: "unauthenticated",
    });

    expect(await getConnector(deps, ws, connector.uuid)).toMatchObject({ secretsLocked: true });
    expect(connectorCalls(b).map((request) => (request.body as { connectorConfig: unknown }).connectorConfig)).toEqual([
      { apiKey: "sk_wrong", region: "eu" },
    ]);
  });

  it("records the server in the sealed config, so connectors saved before this version lock too", async () => {
    const { a, b, custom, connector } = await setUp("legacy");
    // What an earlier version stored: the bare config, nothing recorded beside it.
    await deps.db.connectors.update(ws, connector.uuid, { sealedConfig: deps.vault.encrypt({ apiKey: OLD_KEY, region: "eu" }) });

    await updateCustomIntegrationUrl(deps, ws, custom.uuid, b.url);

    const stored = await deps.db.connectors.get(ws, connector.uuid);
    expect(openConnectorSeal(deps.vault, stored!.sealedConfig)).toMatchObject({ secretsBaseUrl: a.url, secretPaths: [["apiKey"]] });
    await expectLocked(executeConnectorAction(deps, ws, connector.uuid, "ping", {}));
    expect(connectorCalls(b)).toEqual([]);
  });
});

describe("a connector whose manifest stops marking a field secret", () => {
  it("keeps that field masked, and the mask sent back still keeps the stored value", async () => {
    let manifest = manifestWith(apiKeySchema);
    const server = await crmServer(OLD_KEY, () => manifest);
    servers.push(server);
    const custom = await registerCustomIntegration(deps, ws, server.url);
    const connector = await createConnector(deps, ws, {
      integrationSlug: custom.slug,
      slug: "crm_unmasked",
      name: "CRM",
      config: { apiKey: OLD_KEY, region: "eu" },
    });

    manifest = manifestWith({ type: "string", title: "API key" });
    await refreshCustomIntegration(deps, ws, custom.uuid);

    expect(await getConnector(deps, ws, connector.uuid)).toMatchObject({ config: { apiKey: SECRET_MASK }, secretFields: [["apiKey"]] });
    const listed = (await listConnectors(deps, ws, { integrationSlug: custom.slug }))[0]!;
    expect(listed.config).toEqual({ apiKey: SECRET_MASK, region: "eu" });
    expect(JSON.stringify(listed)).not.toContain(OLD_KEY);

    const updated = await updateConnector(deps, ws, connector.uuid, { config: { apiKey: SECRET_MASK, region: "us" } });
    expect(updated.config).toEqual({ apiKey: SECRET_MASK, region: "us" });
    expect(server.seen.at(-1)?.body).toMatchObject({ connectorConfig: { apiKey: OLD_KEY, region: "us" } });
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchManifest, joinUrl } from "./fetch-manifest";
import { IntegrationError } from "./integration-error";
import { loopbackOutbound } from "./testing/outbound";

const validManifest = {
  name: "Tiny",
  description: "A tiny integration",
  icon: "<svg></svg>",
  color: "#123456",
  url: "https://tiny.example",
  connector: { config: { jsonSchema: {}, uiSchema: {} } },
  actions: { ping: { name: "Ping", description: "Pings", config: { jsonSchema: {}, uiSchema: {} } } },
};

const manifests: Record<string, unknown> = {
  "/good/manifest": validManifest,
  "/legacy/manifest": { ...validManifest, autocompletes: [], dynamicSchemas: [] },
  "/bad/manifest": {
    ...validManifest,
    color: 7,
    connector: { config: { jsonSchema: {}, uiSchema: {} }, rateLimit: { unit: "week", max: 5 } },
    actions: { ping: { description: "no name", config: { jsonSchema: {}, uiSchema: {} } } },
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const manifest = manifests[req.url ?? ""];
    res.writeHead(manifest ? 200 : 404, { "content-type": "application/json" });
    res.end(manifest ? JSON.stringify(manifest) : "{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server.close());

describe("fetchManifest", () => {
  it("validates a manifest in the seed layout", async () => {
    const fetched = await fetchManifest(`${base}/good`, { outbound: loopbackOutbound });
    expect(fetched.layout).toBe("seed");
    expect(fetched.manifest.name).toBe("Tiny");
  });

  it("detects the older layout", async () => {
    expect((await fetchManifest(`${base}/legacy/`, { outbound: loopbackOutbound })).layout).toBe("legacy");
  });

  it("lists every problem of an invalid manifest with its path", async () => {
    const error = await fetchManifest(`${base}/bad`, { outbound: loopbackOutbound }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    const paths = (error as IntegrationError).problems?.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["color", "connector.rateLimit.unit", "actions.ping.name"]));
    expect((error as IntegrationError).message).toContain("3 problems");
  });

  it("joins base URLs with or without a trailing slash", () => {
    expect(joinUrl("http://h:1/legacy/", "/manifest")).toBe("http://h:1/legacy/manifest");
    expect(joinUrl("http://h:1", "/manifest")).toBe("http://h:1/manifest");
  });
});

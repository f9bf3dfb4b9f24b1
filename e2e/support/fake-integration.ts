import http from "node:http";
import type { AddressInfo } from "node:net";

/** A handler for one request; return nothing to answer 404 `{errorMessage}`. */
export type FakeRoute = (req: http.IncomingMessage, body: unknown, res: http.ServerResponse) => void | Promise<void> | "next";

export interface FakeIntegration {
  url: string;
  /** Every request seen: method, path and arrival time (ms). */
  hits: Array<{ method: string; path: string; at: number }>;
  close(): Promise<void>;
}

/**
 * A real integration server on a loopback port whose behaviour each test scripts: used for the
 * misbehaving servers (slow, invalid, oversized…) that the demo integration never is.
 */
export async function startFakeIntegration(routes: Record<string, FakeRoute>): Promise<FakeIntegration> {
  const hits: FakeIntegration["hits"] = [];
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.push({ method: req.method ?? "GET", path, at: Date.now() });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const body = text ? safeJson(text) : undefined;
    const route = routes[`${req.method} ${path}`];
    if (!route) return json(res, 404, { errorMessage: `No route ${req.method} ${path}` });
    await route(req, body, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A minimal valid manifest in the seed layout, with overrides. */
export function fakeManifest(overrides: Record<string, unknown> = {}) {
  return {
    name: "Fake Service",
    description: "A scripted integration server for tests",
    icon: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10"/></svg>',
    color: "#336699",
    url: "https://fake.example",
    connector: {
      config: {
        jsonSchema: { type: "object", required: ["token"], properties: { token: { type: "string", title: "Token", format: "password" } } },
        uiSchema: {},
      },
    },
    actions: {
      ping: { name: "Ping", description: "Pings", config: { jsonSchema: { type: "object", properties: {} }, uiSchema: {} } },
    },
    autocompletes: { things: { params: { jsonSchema: { type: "object", properties: {} } }, cacheExpirationInSeconds: 0 } },
    dynamicSchemas: { form: { params: { jsonSchema: { type: "object", properties: {} } } } },
    ...overrides,
  };
}

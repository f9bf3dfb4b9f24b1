import { createDemoIntegration, type DemoIntegrationOptions } from "./handler";

/** Connector config that authenticates with the demo API key. */
export const VALID_CONNECTOR = { apiKey: "demo-api-key", region: "us" };

/** Parsed JSON as JSON.parse types it: tests assert its shape with expect() instead. */
export type Json = ReturnType<typeof JSON.parse>;

/** An answer read back from the handler. */
export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of `execute`: an Idempotency-Key, and connector config other than the valid one. */
export interface ExecuteOptions {
  key?: string;
  connectorConfig?: unknown;
}

/** A fresh demo integration with small helpers for calling it in tests. */
export function makeDemo(options: DemoIntegrationOptions = {}, origin = "http://demo.test") {
  const demo = createDemoIntegration(options);

  async function call<T = Json>(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const init: RequestInit = { method, headers: { "content-type": "application/json", ...headers } };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const response = await demo.fetch(new Request(`${origin}${path}`, init));
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json");
    return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
  }

  return {
    demo,
    call,
    get: <T = Json>(path: string) => call<T>("GET", path),
    post: <T = Json>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>("POST", path, body, headers),
    /** Executes an action in the seed's layout, optionally with an Idempotency-Key. */
    execute: <T = Json>(slug: string, actionConfig: unknown, options: ExecuteOptions = {}) =>
      call<T>(
        "POST",
        `/actions/${slug}/execute`,
        { connectorConfig: options.connectorConfig ?? VALID_CONNECTOR, actionConfig },
        options.key ? { "idempotency-key": options.key } : {},
      ),
  };
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient, isTransient } from "./api-client";
import { CliError } from "./output";

describe("ApiClient", () => {
  const servers: http.Server[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const server of servers.splice(0)) server.closeAllConnections();
  });

  /** A server that takes the request and never answers: what a hung proxy looks like. */
  async function silentServer(): Promise<string> {
    const server = http.createServer(() => {});
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("gives up on a server that never answers after RELAY_TIMEOUT_MS, with an error that says so", async () => {
    vi.stubEnv("RELAY_TIMEOUT_MS", "300");
    const client = new ApiClient({ baseUrl: await silentServer(), token: "relay_test" });
    const started = Date.now();
    await expect(client.json({ method: "GET", path: "/connection/connectors/list" })).rejects.toThrow(/did not answer GET \/connection\/connectors\/list within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("passes the API's own error body through, with the status", async () => {
    const server = http.createServer((_request, response) => {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ errorMessage: "No connector with uuid x", reason: "notFound" }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: "relay_test" });
    await expect(client.json({ method: "GET", path: "/connection/connectors/x" })).rejects.toMatchObject({
      message: "No connector with uuid x",
      body: { errorMessage: "No connector with uuid x", reason: "notFound", status: 404 },
    });
  });

  it("bounds the wait for the headers only: a body may take longer than RELAY_TIMEOUT_MS", async () => {
    vi.stubEnv("RELAY_TIMEOUT_MS", "200");
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" }).write("slow ");
      setTimeout(() => response.end("body"), 500);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: "relay_test" });
    expect(await (await client.send({ method: "GET", path: "/slow" })).text()).toBe("slow body");
  });

  it("calls a refused connection and a gateway's 502/503/504 transient, not other failures", async () => {
    const server = http.createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const refused = await new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, token: "t" }).json({ method: "GET", path: "/whoami" }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
    expect(isTransient(refused)).toBe(true);
    const withStatus = (status: number) => new CliError("failed", { errorMessage: "failed", status });
    expect([502, 503, 504, 500, 404, 429].map((status) => isTransient(withStatus(status)))).toEqual([true, true, true, false, false, false]);
    expect(isTransient(new Error("ECONNREFUSED"))).toBe(false);
  });
});

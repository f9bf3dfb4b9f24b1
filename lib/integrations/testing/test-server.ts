import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { IntegrationError } from "../integration-error";

/** A request as a test server saw it, its JSON body parsed. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  body: unknown;
  /** The body as text, as it came. */
  text: string;
  /** `performance.now()` when the request arrived. */
  arrivedAt: number;
}

export interface TestServer {
  url: string;
  /** Every request so far, in arrival order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on a loopback port for a test, answering with `handle`; tests use it
 * to play integration servers that misbehave in ways the demo never does.
 */
export async function startTestServer(handle: (request: SeenRequest, res: http.ServerResponse) => void): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const request = { method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, body: parseJson(text), text, arrivedAt };
      seen.push(request);
      handle(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Answers JSON (or any text, when `body` is a string) with a status and extra headers. */
export function reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const type = typeof body === "string" ? "text/plain" : "application/json";
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(text);
}

/** Awaits a call that must fail, and returns its IntegrationError (failing the test otherwise). */
export async function expectIntegrationError(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
}

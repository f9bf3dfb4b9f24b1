import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough, Readable } from "node:stream";
import { main } from "../main";

/** Answers one route of the fake Relay; `calls` counts the route's requests so far, from 1. */
export type Handler = (response: ServerResponse, calls: number, request: IncomingMessage) => void;

export interface FakeRelay {
  baseUrl: string;
  /** "METHOD /path?query" (under /api/v1) of every request, in order. */
  requests: string[];
  close(): void;
}

/**
 * An HTTP server standing in for Relay's `/api/v1`, routed by "METHOD /path" (query left out), so
 * the CLI's exit codes, retries and downloads are tested through its real client without the app.
 * A route it does not know answers 404.
 */
export async function fakeRelay(routes: Record<string, Handler>): Promise<FakeRelay> {
  const requests: string[] = [];
  const calls = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const url = new URL(request.url!, "http://relay");
    const route = `${request.method} ${url.pathname.replace(/^\/api\/v1/, "")}`;
    requests.push(`${route}${url.search}`);
    calls.set(route, (calls.get(route) ?? 0) + 1);
    const handler = routes[route];
    if (handler) handler(response, calls.get(route)!, request);
    else json(response, 404, { errorMessage: `No route ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => (server.closeAllConnections(), server.close()) };
}

/** Sends `body` as a JSON answer. */
export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** Runs `relay …` in this process, as bin/relay.mjs does, and answers what it printed and its exit code. */
export async function runCli(argv: string[], env: Record<string, string>, stdin: Readable = Readable.from([])) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = (stream: PassThrough) => stream.toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const printed = Promise.all([text(stdout), text(stderr)]);
  const code = await main({ argv, env, stdout, stderr, stdin, version: "test" });
  stdout.end();
  stderr.end();
  const [out, err] = await printed;
  return { code, stdout: out, stderr: err };
}

/** The request's body as text. */
export async function readBody(request: IncomingMessage): Promise<string> {
  return Buffer.concat(await request.toArray()).toString("utf8");
}

/**
 * Answers 200 with the request it got: `{method, path, query, contentType, body}` (the body parsed
 * when it is JSON, else as text; left out when empty), so a test reads what a command sent from
 * what it printed.
 */
export const echo: Handler = async (response, _calls, request) => {
  const url = new URL(request.url!, "http://relay");
  const text = await readBody(request);
  const contentType = request.headers["content-type"];
  const body = text === "" ? undefined : contentType === "application/json" ? (JSON.parse(text) as unknown) : text;
  json(response, 200, { method: request.method, path: url.pathname.replace(/^\/api\/v1/, ""), query: Object.fromEntries(url.searchParams), contentType, body });
};

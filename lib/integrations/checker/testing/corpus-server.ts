import http from "node:http";
import type { AddressInfo } from "node:net";
import { baseManifest, type BaseManifest } from "./base-manifest";
import { baseRoutes } from "./base-routes";

/** A request as a corpus server saw it, its JSON body parsed. */
export interface CorpusRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- request bodies are read loosely, as a server would
}

/** What to answer: JSON (or text, when `body` is a string), or nothing at all (`hang`). */
export interface CorpusAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  hang?: boolean;
}

/** One route's behaviour; `state` lives as long as the server (idempotency store, counters). */
export type CorpusRoute = (request: CorpusRequest, state: Map<string, unknown>) => CorpusAnswer;

export interface CorpusServerOptions {
  /** Changes the clean manifest (in place, or by returning another value): the case's one fault. */
  manifest?: (manifest: BaseManifest) => unknown;
  /** Replaces routes of the clean server, by `METHOD /path`: the case's one fault. */
  routes?: Record<string, CorpusRoute>;
}

export interface CorpusServer {
  url: string;
  requests: CorpusRequest[];
  close(): Promise<void>;
}

/**
 * Starts an integration server on a loopback port that serves the clean base manifest and
 * routes, with one fault a case brings: a mutated manifest or a misbehaving route. Used by the
 * checker's corpus test and by the e2e spec's broken server.
 * @example const server = await startCorpusServer({ manifest: (m) => { m.actions.createRecord.retry.maximumAttempts = 0; } });
 */
export async function startCorpusServer(options: CorpusServerOptions = {}): Promise<CorpusServer> {
  const fresh = baseManifest();
  const mutated = options.manifest?.(fresh);
  const manifest = mutated === undefined ? fresh : mutated;
  const routes: Record<string, CorpusRoute> = { "GET /manifest": () => ({ body: manifest }), ...baseRoutes(), ...options.routes };
  const state = new Map<string, unknown>();
  const requests: CorpusRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method ?? "GET", path: (req.url ?? "/").split("?")[0]!, headers: req.headers, body: parse(Buffer.concat(chunks).toString("utf8")) };
    requests.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const answer = route ? route(request, state) : { status: 404, body: { errorMessage: `No route ${request.method} ${request.path}` } };
    if (answer.hang) return;
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? {});
    res.writeHead(answer.status ?? 200, { "content-type": typeof answer.body === "string" ? "text/html" : "application/json", ...answer.headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

import { realpathSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createDemoIntegration, type DemoIntegration, type DemoIntegrationOptions } from "./handler";

const DEFAULT_PORT = 4010;
const MAX_BODY_BYTES = 1_000_000;

/** Options of `startDemoIntegrationServer`. */
export interface DemoIntegrationServerOptions extends DemoIntegrationOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Receives one line per request; silent by default. */
  log?: (line: string) => void;
}

/** A listening demo integration server. */
export interface RunningDemoIntegrationServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`; append `/legacy` for the older layout. */
  url: string;
  integration: DemoIntegration;
  close(): Promise<void>;
}

/** Serves a fresh demo integration over HTTP until closed. */
export async function startDemoIntegrationServer(
  options: DemoIntegrationServerOptions = {},
): Promise<RunningDemoIntegrationServer> {
  const integration = createDemoIntegration(options);
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const server = createServer((req, res) => void serve(integration, req, res, log));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    integration,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  integration: DemoIntegration,
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  // The query string is left out of the log: it may carry OAuth state or search text.
  const path = (req.url ?? "/").split("?")[0];
  try {
    const response = await integration.fetch(await toRequest(req));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    const status = error instanceof BodyTooLargeError ? 413 : 500;
    if (!res.headersSent) res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ errorMessage: (error as Error).message }));
  }
  log(`${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
  // The Host header makes URLs in the manifest (like the OAuth authorize URL) match what the caller used.
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, { method, headers, body });
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is still drained, so the client reliably reads the 413 instead of a reset socket.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`Request body larger than ${MAX_BODY_BYTES} bytes`);
  return new Uint8Array(Buffer.concat(chunks));
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.DEMO_INTEGRATION_PORT || DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`Invalid DEMO_INTEGRATION_PORT: ${process.env.DEMO_INTEGRATION_PORT}`);
  }
  const server = await startDemoIntegrationServer({
    port,
    host: process.env.DEMO_INTEGRATION_HOST || "127.0.0.1",
    latencyMs: Number(process.env.DEMO_INTEGRATION_LATENCY_MS) || 0,
    enforceRateLimit: process.env.DEMO_INTEGRATION_ENFORCE_RATE_LIMIT === "1",
    log: (line) => console.log(line),
  });
  console.log(`demo integration listening on ${server.url}`);
  // Once, whichever signal comes first: Ctrl-C under `npm start` brings SIGINT from the terminal
  // and SIGTERM from start.mjs, and closing twice would fail.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (isMainModule()) {
  main().catch((error: unknown) => {
    console.error(`demo integration failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
}

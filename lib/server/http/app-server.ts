import http from "node:http";
import { getRequestListener, type HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import next from "next";
import type { NextConfig } from "next";
import { getDeps, stopDeps } from "../deps";
import { writeJsonAnswer } from "../json-answer";
import { within } from "../within";
import { createApiApp } from "./api-app";
import { isApiPath } from "./api-base";

export interface AppServerOptions {
  /** The project folder (where the build and `public/` are). */
  dir: string;
  /** next.config.ts as loaded; its `distDir` picks the build. */
  conf: NextConfig;
  hostname: string;
  port: number;
  /** How long an idle keep-alive connection stays open, in ms (Node's default is 5 s). */
  keepAliveTimeout?: number;
}

/** How long answers get to be written once the runs are handed back, before connections are closed. */
const ANSWERS_AFTER_RUNS_MS = 500;

export interface AppServer {
  server: http.Server;
  /**
   * Stops accepting connections; answers in flight and runs executing here get `graceMs` (10 s)
   * in all to finish, then the runs still going are handed back to the other workers, the
   * requests waiting for them answer with the run as it is, the database closes (`stopDeps`),
   * and so does Next.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * The production server: one node:http server whose /api/* and /v1/* (the Cargo-style alias)
 * requests go straight to the API app and everything else (pages, assets, Next's own routes) to
 * Next's request handler. The dependencies are created before it listens, so a bad setting stops
 * the start, the setup code is printed and runs left unfinished are taken up at once.
 */
export async function startAppServer({ dir, conf, hostname, port, keepAliveTimeout }: AppServerOptions): Promise<AppServer> {
  const origin = `http://${hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname}:${port}`;
  // What `next start` sets: the settings' default APP_URL and instrumentation.ts read them.
  process.env.PORT = String(port);
  process.env.__NEXT_PRIVATE_ORIGIN = origin;
  await getDeps();
  const nextApp = next({ dev: false, dir, conf, hostname, port });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  // Hono's Node adapter would otherwise replace the global Request and Response, which Next uses too.
  const api = createApiApp({ securityHeaders: true });
  // A route's JSON answer is written as its text; any other answer through the adapter's streams.
  const handleApi = getRequestListener(
    async (request, env) => {
      const response = await api.fetch(request, env);
      return writeJsonAnswer(response, (env as HttpBindings).outgoing, request.method) ? RESPONSE_ALREADY_SENT : response;
    },
    { overrideGlobalObjects: false },
  );

  let closing = false;
  let closed: Promise<void> | undefined;
  const server = http.createServer((request, response) => {
    // Once stopping, each answer closes its connection, so no client sends another request on it.
    if (closing) response.shouldKeepAlive = false;
    const url = request.url ?? "/";
    const served = isApiPath(url) ? handleApi(request, response) : handleNext(request, response);
    served.catch((error: unknown) => {
      console.error("[server] unhandled error", error);
      if (response.headersSent) return void response.destroy();
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ errorMessage: "Something went wrong on the server. The error was logged." }));
    });
  });
  if (keepAliveTimeout) server.keepAliveTimeout = keepAliveTimeout;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    server,
    close(graceMs = 10_000) {
      closed ??= (async () => {
        closing = true;
        const deadline = Date.now() + graceMs;
        const idleAll = new Promise<void>((resolve) => server.close(() => resolve()));
        // A keep-alive connection whose answer was in flight stays open once it is sent, until its
        // keep-alive timeout (5 s, more behind a load balancer), and would take the runs' grace:
        // each is closed as soon as it is idle.
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        // Answers and runs get the grace, the runs going on here as before…
        await within(idleAll, graceMs);
        // …then the runs still executing are handed back (at once, or after what is left of the
        // grace when no answer held it), and a request waiting for one of them (`waitUntilFinished`,
        // or for a worker's run) answers with the run as it is, before the connections are closed:
        // a closed connection, retried, could make the run twice.
        const runsStopped = getDeps()
          .then((deps) => deps.runs.stop(Math.max(0, deadline - Date.now())))
          .catch((error: unknown) => console.error("[server] error while stopping the runs", error));
        await within(
          idleAll,
          runsStopped.then(() => ANSWERS_AFTER_RUNS_MS),
        );
        clearInterval(idle);
        server.closeAllConnections();
        await runsStopped;
        await stopDeps(0);
        await nextApp.close();
      })();
      return closed;
    },
  };
}


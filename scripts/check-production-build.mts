// `npm test`'s production step: the build a user gets from `next build`, served by the production
// server `npm start` runs (scripts/serve.mts), has no test-only /dev route, serves the icons in
// public/, and answers its health check and API errors as JSON with the security headers.
// Run after `npx next build`: node --import tsx scripts/check-production-build.mts
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { childrenOf, isAlive } from "./support/processes";
import { startProductionApp } from "./support/production-app";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "✓" : "✗"} ${what}`);
  if (!ok) failures.push(what);
};

// The route list `next build` printed, as the build recorded it.
const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
const routes = Object.values(manifest);
check(routes.includes("/workflows"), `the route list has the app's pages (${routes.length} routes)`);
const devRoutes = routes.filter((route) => route === "/dev" || route.startsWith("/dev/"));
check(devRoutes.length === 0, `the route list has no /dev route${devRoutes.length ? ` (found ${devRoutes.join(", ")})` : ""}`);

/** A native node of a graph sent through the API. */
const node = (uuid: string, actionSlug: string, config: object, children: string[]) => ({ uuid, slug: actionSlug, kind: "native", actionSlug, config, childrenUuids: children, fallbackOnFailure: false, position: { x: 0, y: 0 } });

const { base, stop, cookie } = await startProductionApp({ distDir });
try {
  // As the instance's owner, so a missing page is a 404 rather than a trip to sign-in.
  const get = (url: string) => fetch(`${base}${url}`, { redirect: "manual", headers: { cookie } });
  const health = await get("/api/v1/health");
  check(health.status === 200, `GET /api/v1/health answers ${health.status}`);
  check(health.headers.get("x-content-type-options") === "nosniff", "API answers carry the security headers");
  const unknown = await get("/api/v1/no/such/route");
  const unknownBody = (await unknown.json().catch(() => ({}))) as { errorMessage?: string };
  check(unknown.status === 404 && Boolean(unknownBody.errorMessage), `GET /api/v1/no/such/route answers ${unknown.status} with {errorMessage}`);
  for (const [url, type] of [["/favicon.ico", "image/"], ["/icon.svg", "image/svg+xml"], ["/apple-touch-icon.png", "image/png"], ["/manifest.webmanifest", ""]] as const) {
    const response = await get(url);
    const contentType = response.headers.get("content-type") ?? "";
    check(response.status === 200 && contentType.startsWith(type), `GET ${url} answers ${response.status} (${contentType})`);
  }
  const home = await (await get("/login")).text();
  check(home.includes('href="/favicon.ico"'), "pages link the favicon");
  for (const url of ["/dev/forms", "/dev/form-bench", "/dev/editor", "/dev/run-panel", "/dev/validate"]) {
    const response = await get(url);
    check(response.status === 404, `GET ${url} answers ${response.status}`);
  }
  // Stopping while a kept-alive connection waits for its answer: the answer is sent, and the
  // server exits as soon as it is, not after the connection's keep-alive timeout (5 s).
  const headers = { cookie, origin: base, "content-type": "application/json" };
  const ids = ["00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000a2", "00000000-0000-4000-8000-0000000000a3"] as const;
  const nodes = [node(ids[0], "start", {}, [ids[1]]), node(ids[1], "delay", { minutes: 0.015 }, [ids[2]]), node(ids[2], "end", {}, [])];
  const created = await fetch(`${base}/api/v1/orchestration/workflows`, { method: "POST", headers, body: JSON.stringify({ name: "stop check", nodes }) });
  const { workflow } = (await created.json()) as { workflow: { uuid: string } };
  const run = fetch(`${base}/api/v1/orchestration/runs?waitUntilFinished=true`, { method: "POST", headers, body: JSON.stringify({ workflowUuid: workflow.uuid, data: {} }) });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stopping = Date.now();
  const stopped = stop();
  const answer = await run;
  const { run: ended } = (await answer.json()) as { run: { status: string } };
  check(answer.status === 200 && ended.status === "success", `a run in flight when the server is stopped still answers (${answer.status} ${ended.status})`);
  await stopped;
  const tookMs = Date.now() - stopping;
  check(tookMs < 3_000, `the server exits once its answers are sent, not after keep-alive timeouts (${tookMs} ms)`);
} finally {
  await stop();
}

// Stopping while a request waits for a run that outlasts the grace (its HTTP call hangs): the run
// is handed back and the request answers with it as it is, rather than with a closed connection.
const hanging = http.createServer(() => undefined);
await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
const hangingPort = (hanging.address() as AddressInfo).port;
const second = await startProductionApp({ distDir, env: { OUTBOUND_ALLOWLIST: `127.0.0.1:${hangingPort}` } });
try {
  const headers = { cookie: second.cookie, origin: second.base, "content-type": "application/json" };
  const ids = ["00000000-0000-4000-8000-0000000000b1", "00000000-0000-4000-8000-0000000000b2", "00000000-0000-4000-8000-0000000000b3"] as const;
  const request = { url: `http://127.0.0.1:${hangingPort}/never`, method: "GET" };
  const nodes = [node(ids[0], "start", {}, [ids[1]]), node(ids[1], "httpRequest", request, [ids[2]]), node(ids[2], "end", {}, [])];
  const run = fetch(`${second.base}/api/v1/orchestration/runs?waitUntilFinished=true`, { method: "POST", headers, body: JSON.stringify({ nodes, data: {} }) });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stopped = second.stop();
  const answer = await run.then(
    async (response) => ({ status: response.status, run: ((await response.json()) as { run?: { status: string } }).run }),
    (error: unknown) => ({ status: 0, run: undefined, error }),
  );
  check(answer.status === 200 && answer.run?.status === "running", `a request waiting for a run that outlasts the stop's grace answers with the run as it is (${answer.status} ${answer.run?.status ?? ""})`);
  await stopped;
} finally {
  await second.stop();
  hanging.closeAllConnections();
  hanging.close();
}

// WEB_PROCESSES=2: two processes serve the port under a primary; runs over many connections all
// end; a process that dies is replaced; a stop ends the primary and both.
const cluster = await startProductionApp({ distDir, env: { WEB_PROCESSES: "2" } });
let served: number[] = [];
try {
  served = childrenOf(cluster.pid);
  check(served.length === 2, `WEB_PROCESSES=2 serves from two processes under the primary (${served.length})`);
  const headers = { cookie: cluster.cookie, origin: cluster.base, "content-type": "application/json" };
  const ids = ["00000000-0000-4000-8000-0000000000c1", "00000000-0000-4000-8000-0000000000c2"] as const;
  const nodes = [node(ids[0], "start", {}, [ids[1]]), node(ids[1], "end", {}, [])];
  // `connection: close`: each request on a connection of its own, which the primary hands out in turn.
  const runAll = async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, () =>
        fetch(`${cluster.base}/api/v1/orchestration/runs?waitUntilFinished=true`, { method: "POST", headers: { ...headers, connection: "close" }, body: JSON.stringify({ nodes, data: {} }) }).then(
          async (response) => ((await response.json()) as { run?: { status: string } }).run?.status,
          () => "unreachable",
        ),
      ),
    );
    return answers.filter((status) => status === "success").length;
  };
  check((await runAll()) === 24, "24 runs sent at once over new connections all end in success");
  process.kill(served[0]!, "SIGKILL");
  let replaced: number[] = [];
  for (let tries = 0; tries < 100 && replaced.length < 2; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    replaced = childrenOf(cluster.pid).filter((pid) => pid !== served[0] && isAlive(pid));
  }
  check(replaced.length === 2, `a web process killed is replaced (${replaced.length} serving)`);
  check((await runAll()) === 24, "after it, runs still all end in success");
  served = replaced;
} finally {
  await cluster.stop();
}
check(served.length > 0 && served.every((pid) => !isAlive(pid)), "stopping the primary stops every web process");

if (failures.length > 0) {
  console.error(`\n${failures.length} check(s) failed`);
  process.exit(1);
}

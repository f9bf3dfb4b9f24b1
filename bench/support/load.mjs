#!/usr/bin/env node
// The load generator of bench/engine-http, in a process of its own so it takes no CPU from the
// servers' event loops: `concurrency` keep-alive connections send the same request over and over,
// `warmup` requests first (not measured), then `requests` measured ones. Prints one JSON line:
// {requests, seconds, perSecond, p50Ms, p99Ms, failures, firstFailure, clientCpuMsPerRequest}.
// `client`: "raw" (the default: raw-http-client.mjs, prebuilt request bytes over net sockets) or
// "node-http" (node:http's client and keep-alive agent, which the rounds before the eleventh used).
// Usage: node bench/support/load.mjs '{"url":"http://127.0.0.1:3000/x","method":"POST","headers":{},"body":"{}","check":"status"}'
import http from "node:http";
import { performance } from "node:perf_hooks";
import { RawConnection, requestBytes } from "./raw-http-client.mjs";

const spec = JSON.parse(process.argv[2] ?? "{}");
const { url, method = "GET", headers = {}, body, concurrency = 16, warmup = 500, requests = 3000, check = "status", client = "raw" } = spec;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const payload = body === undefined ? undefined : Buffer.from(body);
const rawRequest = requestBytes({ url, method, headers: { ...headers, ...(payload && { "content-type": "application/json" }) }, body });

/**
 * Whether an answer counts: a 2xx; for Relay's runs, the run as stored once it ended: a success
 * with every node's execution recorded as one.
 */
const checks = {
  status: (status) => status >= 200 && status < 300,
  relayRun: (status, body) => {
    const run = status === 200 ? JSON.parse(body.toString("utf8")).run : undefined;
    return run?.status === "success" && run.executions.length === run.nodes.length && run.executions.every((execution) => execution.status === "success");
  },
};

/** One request through node:http's client; answers `{status, body}` as a RawConnection does. */
function sendNodeHttp() {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        headers: { ...headers, ...(payload && { "content-type": "application/json", "content-length": payload.length }) },
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

async function round(count, latencies) {
  let next = 0;
  let failures = 0;
  let firstFailure = null;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, index) => {
      const send = client === "raw" ? () => connections[index].send() : sendNodeHttp;
      while (next < count) {
        next += 1;
        const started = performance.now();
        let ok = false;
        let detail = "";
        try {
          const { status, body: answer } = await send();
          ok = checks[check](status, answer);
          if (!ok) detail = `${status} ${answer.toString("utf8", 0, 300)}`;
        } catch (error) {
          detail = String(error);
        }
        latencies?.push(performance.now() - started);
        if (!ok) {
          failures += 1;
          firstFailure ??= detail;
        }
      }
    }),
  );
  return { failures, firstFailure };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

if (client !== "raw" && client !== "node-http") throw new Error(`unknown client ${client}`);
const connections = Array.from({ length: concurrency }, () => new RawConnection(rawRequest));
const cpuAtStart = process.cpuUsage();
await round(warmup);
const latencies = [];
const started = performance.now();
const { failures, firstFailure } = await round(requests, latencies);
const seconds = (performance.now() - started) / 1000;
// This process's own CPU per request, warm-up included: the load generator shares the machine's cores with the servers.
const { user, system } = process.cpuUsage(cpuAtStart);
const clientCpuMsPerRequest = (user + system) / 1000 / (warmup + requests);
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({ requests, seconds, perSecond: requests / seconds, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), failures, firstFailure, clientCpuMsPerRequest }),
);
agent.destroy();
for (const connection of connections) connection.close();

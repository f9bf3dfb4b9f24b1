import http from "node:http";
import type { AddressInfo } from "node:net";
import { createOutboundFetch, systemResolver, type OutboundFetch, type Resolver } from "../outbound";

/**
 * The outbound guard unit tests call their loopback servers (startTestServer, the demo) through:
 * 127.0.0.1 on any port is allowed, everything else is judged as in production.
 */
export const loopbackOutbound: OutboundFetch = createOutboundFetch({ allowlist: "127.0.0.1" });

/**
 * A resolver that answers from a map instead of DNS, so a test can make a public-looking name
 * resolve to a private address; other names go to `fallback` (default: the system's, so
 * `localhost` still resolves as it does in production).
 * @example mapResolver({ "internal.example": ["10.0.0.5"] })
 */
export function mapResolver(addresses: Record<string, string[]>, fallback: Resolver = systemResolver): Resolver {
  return async (hostname) => addresses[hostname] ?? fallback(hostname);
}

export interface HitCounter {
  port: number;
  /** The path of every request that reached it. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * A listener on every local address (`::`, dual stack: 127.0.0.1, ::1, 0.0.0.0 all reach it)
 * that counts requests, so a target the guard should have refused shows up as a hit. `?to=<url>`
 * answers a 302 there; `/loop` redirects to itself forever.
 */
export async function startHitCounter(): Promise<HitCounter> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "/");
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.pathname === "/loop" ? "/loop" : url.searchParams.get("to");
    if (to) {
      res.writeHead(302, { location: to });
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("reached");
  });
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "::", ipv6Only: false }, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

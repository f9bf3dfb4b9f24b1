import http from "node:http";
import type { AddressInfo } from "node:net";

/** An HTTP proxy in front of a test server that can be "killed": every request is then cut off. */
export interface CuttingProxy {
  url: string;
  /** Requests forwarded so far whose path ends with `suffix`. */
  count(suffix: string): number;
  /** From the `after`-th next request whose path ends with `suffix`, cut every request (connection reset). */
  cutAfter(suffix: string, after: number): void;
  /** Holds every request this long before forwarding it (0: at once). */
  delay(ms: number): void;
  /** Forward again, at once. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * Forwards to `target` until told to cut: a cut request has its socket destroyed, which the client
 * sees as a server that went away mid-work (as when its process is killed), deterministically.
 */
export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const counts = new Map<string, number>();
  let rule: { suffix: string; left: number } | null = null;
  let cutting = false;
  let delayMs = 0;
  const server = http.createServer(async (req, res) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const path = (req.url ?? "/").split("?")[0]!;
    for (const suffix of counts.keys()) if (path.endsWith(suffix)) counts.set(suffix, counts.get(suffix)! + 1);
    if (rule && path.endsWith(rule.suffix) && --rule.left < 0) cutting = true;
    if (cutting) return void req.socket.destroy();
    const upstream = http.request(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: (suffix) => {
      if (!counts.has(suffix)) counts.set(suffix, 0);
      return counts.get(suffix)!;
    },
    cutAfter(suffix, after) {
      rule = { suffix, left: after };
    },
    delay(ms) {
      delayMs = ms;
    },
    restore() {
      rule = null;
      cutting = false;
      delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

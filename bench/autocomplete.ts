// bench/autocomplete: 100 identical concurrent autocomplete requests through the autocomplete cache
// and the integration client, against the real demo integration server on a loopback port.
// Prints how many upstream calls they cost and the median latency of a cached hit, with the median
// of an uncached call (refresh) in the same run as the baseline.
import { performance } from "node:perf_hooks";
import { startDemoIntegrationServer } from "@/examples/demo-integration/server";
import { createAutocompleteCache } from "@/lib/integrations/autocomplete-cache";
import { createIntegrationClient } from "@/lib/integrations/client";
import { createOutboundFetch } from "@/lib/integrations/outbound";
import { createRateLimiter } from "@/lib/integrations/rate-limiter";

const CONCURRENT = 100;
const SAMPLES = 200;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main() {
  const demo = await startDemoIntegrationServer({ port: 0 });
  try {
    const client = createIntegrationClient({
      baseUrl: demo.url,
      layout: "seed",
      rateLimit: null,
      limiter: createRateLimiter(),
      // The demo listens on loopback, which the guard refuses unless allowed.
      outbound: createOutboundFetch({ allowlist: "127.0.0.1" }),
    });
    const cache = createAutocompleteCache();
    const connector = { uuid: "bench", workspaceUuid: "bench", config: { apiKey: "demo-api-key", region: "us" } };
    const key = { connectorUuid: connector.uuid, slug: "listObjectProperties", params: { objectType: "deals" } };
    const load = () => client.autocomplete(connector, key.slug, key.params);
    const upstreamCalls = async () =>
      ((await (await fetch(`${demo.url}/_demo/stats`)).json()) as { calls: Record<string, number> }).calls["POST /autocompletes/listObjectProperties"] ?? 0;

    const before = await upstreamCalls();
    await Promise.all(Array.from({ length: CONCURRENT }, () => cache.get(key, 300, load)));
    const upstream = (await upstreamCalls()) - before;

    const hits: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      await cache.get(key, 300, load);
      hits.push(performance.now() - start);
    }
    const misses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await cache.get(key, 300, load, { refresh: true });
      misses.push(performance.now() - start);
    }
    const hit = median(hits);
    const miss = median(misses);
    console.log(`autocomplete: ${CONCURRENT} identical concurrent requests -> ${upstream} upstream call(s)`);
    console.log(`autocomplete: cached hit median ${(hit * 1000).toFixed(1)} µs; uncached call median ${miss.toFixed(2)} ms (${(miss / hit).toFixed(0)}x slower)`);
  } finally {
    await demo.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { describe, expect, it } from "vitest";
import type { ScopedRateLimit } from "@/lib/contract";
import { createIntegrationClient, type CallLimits } from "./client";
import type { OutboundFetch } from "./outbound";
import { createRateLimiter } from "./rate-limiter";
import { matchingRateLimits } from "./scoped-rate-limits";
import { createSerialLocks } from "./serial-locks";
import { makeVirtualClock } from "./testing/virtual-clock";

// The limits a manifest's actions and extractors add, applied by the client. The server is an
// outbound function answering at once (or when a test lets it), so the virtual clock alone decides
// when each call goes out.

const contactsOnly = (max: number): ScopedRateLimit => ({
  unit: "minute",
  max,
  config: { jsonSchema: { type: "object", properties: { objectType: { const: "contacts" } }, required: ["objectType"] } },
});
const everyConfig = (max: number): ScopedRateLimit => ({ unit: "minute", max, config: { jsonSchema: {} } });

interface Sent {
  path: string;
  connector: string;
  config: Record<string, unknown>;
  at: number;
}

function setup({ actions = {}, extractors = {}, hold = false }: { actions?: Record<string, CallLimits>; extractors?: Record<string, CallLimits>; hold?: boolean } = {}) {
  const clock = makeVirtualClock();
  const sent: Sent[] = [];
  const held: Array<() => void> = [];
  const outbound: OutboundFetch = async (url, init) => {
    const body = JSON.parse(String(init?.body)) as { connector: { uuid: string }; actionConfig?: Record<string, unknown>; extractorConfig?: Record<string, unknown> };
    const path = new URL(url).pathname;
    sent.push({ path, connector: body.connector.uuid, config: body.actionConfig ?? body.extractorConfig ?? {}, at: clock.time });
    if (hold) await new Promise<void>((resolve) => held.push(resolve));
    const answer = path.endsWith("/fetch")
      ? { outcome: "fetching", columns: [], idColumnSlug: "id", titleColumnSlug: "id", data: { kind: "records" } }
      : { outcome: "executed", title: "Done", data: {} };
    return Response.json(answer);
  };
  const client = createIntegrationClient({
    baseUrl: "http://crm.test",
    layout: "seed",
    rateLimit: { unit: "minute", max: 100 },
    limiter: createRateLimiter({ now: clock.now, sleep: clock.sleep, marginMs: 0 }),
    serialLocks: createSerialLocks(),
    actions,
    extractors,
    outbound,
  });
  const connector = (uuid: string) => ({ uuid, workspaceUuid: "w1", config: {} });
  return { clock, sent, held, client, connector };
}

describe("scoped rate limits", () => {
  it("match a config by its schema, and a schema that does not compile matches every config", () => {
    const broken: ScopedRateLimit = { unit: "second", max: 1, config: { jsonSchema: { type: "no-such-type" } } };
    const limits = [contactsOnly(1), everyConfig(3), broken];
    expect(matchingRateLimits(limits, { objectType: "contacts" }).map(({ index }) => index)).toEqual([0, 1, 2]);
    expect(matchingRateLimits(limits, { objectType: "deals" })).toEqual([
      { index: 1, limit: { unit: "minute", max: 3 } },
      { index: 2, limit: { unit: "second", max: 1 } },
    ]);
    expect(matchingRateLimits(undefined, {})).toEqual([]);
  });

  it("make an action's call wait on each bucket its config matches, besides the connector's", async () => {
    // contacts: 1 per minute; any config: 3 per minute (contacts included); the connector allows 100.
    const { clock, sent, client, connector } = setup({ actions: { findRecords: { rateLimits: [contactsOnly(1), everyConfig(3)] } } });
    const c1 = connector("c1");
    const configs = ["contacts", "contacts", "deals", "deals", "deals"].map((objectType) => ({ objectType }));
    await Promise.all(configs.map((config) => client.executeAction(c1, "findRecords", config)));
    const at = (objectType: string) => sent.filter((call) => call.config.objectType === objectType).map((call) => call.at);
    // Buckets are taken in manifest order. The deals calls fill the shared bucket while the first
    // contacts call is taking its own one's token; that call then waits a minute for the shared
    // bucket, and its contacts token counts from when it went out, so the second one goes a
    // minute later still.
    expect(at("deals")).toEqual([0, 0, 0]);
    expect(at("contacts")).toEqual([60_000, 120_000]);
    expect(clock.time).toBe(120_000);
  });

  it("keep one set of buckets per connector and per action, and leave other actions alone", async () => {
    const { sent, client, connector } = setup({ actions: { findRecords: { rateLimits: [everyConfig(1)] } } });
    await Promise.all([
      client.executeAction(connector("c1"), "findRecords", {}),
      client.executeAction(connector("c2"), "findRecords", {}),
      client.executeAction(connector("c1"), "lookupRecord", {}),
      client.executeAction(connector("c1"), "lookupRecord", {}),
    ]);
    expect(sent.map((call) => call.at)).toEqual([0, 0, 0, 0]);
  });

  it("apply an extractor's limits to its fetches and counts", async () => {
    const { sent, client, connector } = setup({ extractors: { records: { rateLimits: [everyConfig(2)] } } });
    const c1 = connector("c1");
    await Promise.all([
      client.fetchExtractor(c1, "records", { objectType: "contacts" }),
      client.fetchExtractor(c1, "records", { objectType: "deals" }),
      client.fetchExtractor(c1, "records", { objectType: "deals" }),
    ]);
    expect(sent.map((call) => call.at)).toEqual([0, 0, 60_000]);
  });
});

describe("isSerialized actions", () => {
  it("run one call at a time per connector, each holding the lock until its answer", async () => {
    const { sent, held, client, connector } = setup({ actions: { exportRecords: { isSerialized: true } }, hold: true });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const calls = [
      client.executeAction(connector("c1"), "exportRecords", { n: 1 }),
      client.executeAction(connector("c1"), "exportRecords", { n: 2 }),
      client.executeAction(connector("c2"), "exportRecords", { n: 3 }),
      client.executeAction(connector("c1"), "lookupRecord", { n: 4 }),
    ];
    const sentSoFar = () => sent.map((call) => call.config.n as number).sort();
    await turn();
    expect(sentSoFar()).toEqual([1, 3, 4]);
    held.splice(0).forEach((answer) => answer());
    await turn();
    expect(sentSoFar()).toEqual([1, 2, 3, 4]);
    held.splice(0).forEach((answer) => answer());
    await Promise.all(calls);
  });
});

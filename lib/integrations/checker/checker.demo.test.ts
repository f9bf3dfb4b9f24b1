import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "@/examples/demo-integration/server";
import { loopbackOutbound } from "../testing/outbound";
import { checkIntegration, fetchThrough, formatReport } from "./index";

// The demo integration is the reference server: both of its layouts must come out clean, with
// every endpoint probed and an action executed twice under one Idempotency-Key.
let demo: RunningDemoIntegrationServer;
const config = { apiKey: "demo-api-key", region: "eu" };
const fetch = fetchThrough(loopbackOutbound);

beforeAll(async () => {
  demo = await startDemoIntegrationServer({ port: 0 });
});
afterAll(() => demo.close());

async function stats(): Promise<{ calls: Record<string, number>; idempotencyKeys: Record<string, number> }> {
  return (await loopbackOutbound(`${demo.url}/_demo/stats`)).json();
}

describe.each([
  { layout: "seed", prefix: "" },
  { layout: "legacy", prefix: "/legacy" },
] as const)("the demo integration in the $layout layout", ({ layout, prefix }) => {
  it("has no finding at all when the manifest is linted", async () => {
    const report = await checkIntegration({ baseUrl: `${demo.url}${prefix}`, fetch });
    expect(report.findings, formatReport(report)).toEqual([]);
    expect(report).toMatchObject({ layout, probed: false, summary: { errors: 0, warnings: 0, infos: 0 } });
    expect(formatReport(report)).toContain("No problems found.");
  });

  it("has no finding when every endpoint is probed, an action executed twice included", async () => {
    demo.integration.reset();
    const action = { slug: "createRecord", record: { objectType: "contacts", fields: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" } } };
    const report = await checkIntegration({ baseUrl: `${demo.url}${prefix}`, fetch, config, action });
    expect(report.findings, formatReport(report)).toEqual([]);
    expect(report.probed).toBe(true);
    const { calls, idempotencyKeys } = await stats();
    // Every capability was called: the autocompletes in dependency order, the extractor to its last page.
    const path = (seed: string, legacy: string) => `POST ${prefix}${layout === "seed" ? seed : legacy}`;
    expect(calls[path("/autocompletes/listObjectProperties", "/autocomplete")]).toBeGreaterThan(0);
    expect(calls[path("/dynamicSchemas/recordFields", "/getDynamicSchema")]).toBe(1);
    expect(calls[path("/extractors/records/fetch", "/model/fetch")]).toBe(3);
    expect(calls[path("/extractors/records/count", "/model/count")]).toBe(1);
    // Executed twice with one key, and run once.
    expect(Object.values(idempotencyKeys)).toEqual([1]);
  });
});

it("reports a refused config and probes nothing more", async () => {
  const report = await checkIntegration({ baseUrl: demo.url, fetch, config: { apiKey: "wrong", region: "eu" } });
  expect(report.findings.map(({ code, path }) => ({ code, path }))).toEqual([{ code: "authenticate.refused", path: "authenticate:answer.outcome" }]);
  expect(report.findings[0]!.message).toContain("Invalid API key");
});

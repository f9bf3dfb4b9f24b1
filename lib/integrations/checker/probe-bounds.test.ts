import { afterEach, describe, expect, it } from "vitest";
import { loopbackOutbound } from "../testing/outbound";
import { checkIntegration, fetchThrough, formatReport } from "./index";
import { CREATE_ACTION, GOOD_CONFIG } from "./testing/base-manifest";
import { pageOf, recordsPage } from "./testing/base-routes";
import { startCorpusServer, type CorpusServer, type CorpusServerOptions } from "./testing/corpus-server";

// The check's time budget against rate limits, slow pages and `fetching`: it ends in time, an
// action asked for runs (or is an error), and a page is polled as a sync polls it.
const fetch = fetchThrough(loopbackOutbound);
let server: CorpusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (options: CorpusServerOptions) => (server = await startCorpusServer(options));
const brief = (report: Awaited<ReturnType<typeof checkIntegration>>) => report.findings.map(({ code, path }) => `${code} ${path}`);
const paths = () => server!.requests.map((request) => request.path);

describe("the time budget", () => {
  it("does not wait for a rate limit past it: one call an hour ends the check at the budget, the asked-for action an error", async () => {
    const { url } = await start({ manifest: (m) => void (m.connector.rateLimit = { unit: "hour", max: 1 }) });
    const started = performance.now();
    const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG, action: CREATE_ACTION, budgetMs: 1_000 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(brief(report), formatReport(report)).toEqual(["execute.not-run actions.createRecord:execute[0]", "probe.time-budget autocompletes.listObjects:answer"]);
    expect(report.findings[1]!.message).toContain("rate limit");
    expect(paths()).toEqual(["/manifest", "/authenticate"]);
  });

  it("runs the asked-for action before the extractors, so slow paging cannot leave it out", async () => {
    const many = Array.from({ length: 500 }, (_, index) => ({ id: `r${index}`, name: `Record ${index}` }));
    const { url } = await start({
      manifest: (m) => {
        m.connector.rateLimit = { unit: "second", max: 10 };
        m.extractors.records.preview = "records";
      },
      routes: {
        "POST /extractors/records/count": () => ({ status: 404, body: { errorMessage: "No count" } }),
        "POST /extractors/records/fetch": (request) => ({ body: recordsPage(pageOf(request).offset, 2, many) }),
      },
    });
    const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG, action: CREATE_ACTION, budgetMs: 2_000 });
    expect(brief(report), formatReport(report)).toEqual([expect.stringMatching(/^probe\.time-budget extractors\.records:fetch\[\d+\]$/)]);
    expect(paths().indexOf("/actions/createRecord/execute")).toBeLessThan(paths().indexOf("/extractors/records/fetch"));
    expect(paths().filter((path) => path === "/actions/createRecord/execute")).toHaveLength(2);
  });
});

describe("a page answered `fetching`", () => {
  const fetchingPolicy = { retry: { maximumAttempts: 5, initialInterval: 200, backoffCoefficient: 1 }, withRateLimit: true };
  const manifest: CorpusServerOptions["manifest"] = (m) => void Object.assign(m.extractors.records, { fetching: fetchingPolicy });

  it("is called again after the policy's wait, with the meta it sent, under one model uuid throughout", async () => {
    const seen: Array<{ at: number; meta: unknown }> = [];
    const { url } = await start({
      manifest,
      routes: {
        "POST /extractors/records/fetch": (request) => {
          seen.push({ at: performance.now(), meta: request.body.meta });
          const { offset, size } = pageOf(request);
          const page = recordsPage(offset, size);
          if (request.body.meta?.job) return { body: recordsPage(request.body.meta.offset, size) };
          return { body: { ...page, outcome: "fetching", data: { kind: "records", meta: { job: "export-1", offset } } } };
        },
      },
    });
    const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
    expect(report.findings, formatReport(report)).toEqual([]);
    // 3 pages, each answered fetching once.
    expect(seen.map((call) => call.meta)).toEqual([undefined, { job: "export-1", offset: 0 }, { offset: 2 }, { job: "export-1", offset: 2 }, { offset: 4 }, { job: "export-1", offset: 4 }]);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(180);
    const uuids = new Set(server!.requests.filter((r) => r.path === "/extractors/records/fetch").map((r) => r.body.uuid));
    expect(uuids.size).toBe(1);
    expect([...uuids][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is reported with its own code when it is still fetching after the policy's attempts", async () => {
    const { url } = await start({
      manifest,
      routes: { "POST /extractors/records/fetch": (request) => ({ body: { ...recordsPage(0, 2), outcome: "fetching", data: { kind: "records", meta: request.body.meta } } }) },
    });
    const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
    expect(report.findings.map(({ severity, code, path }) => `${severity} ${code} ${path}`)).toEqual(["warning extractor.still-fetching extractors.records:fetch[4].outcome"]);
  });
});

it("treats an empty param as missing, as the form does: the params schema's value is sent instead", async () => {
  const { url } = await start({ manifest: (m) => void (m.actions.createRecord.config.uiSchema.mappings.items.name["ui:options"].params.objectType = "") });
  const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
  expect(report.findings, formatReport(report)).toEqual([]);
  expect(server!.requests.find((request) => request.path === "/autocompletes/listProperties")!.body.params).toEqual({ objectType: "contacts" });
});

import { afterEach, expect, it } from "vitest";
import { loopbackOutbound } from "../testing/outbound";
import { checkIntegration, fetchThrough } from "./index";
import { MAX_PAGES } from "./probe/extractor-paging";
import { GOOD_CONFIG } from "./testing/base-manifest";
import { pageOf, recordsPage } from "./testing/base-routes";
import { startCorpusServer, type CorpusServer, type CorpusServerOptions } from "./testing/corpus-server";

const fetch = fetchThrough(loopbackOutbound);
let server: CorpusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (options: CorpusServerOptions) => (server = await startCorpusServer(options));
const codes = (report: Awaited<ReturnType<typeof checkIntegration>>) => report.findings.map(({ severity, code, path, endpoint }) => ({ severity, code, path, endpoint }));

it("reports a manifest that is not JSON, at the root, with its endpoint", async () => {
  const { url } = await start({ routes: { "GET /manifest": () => ({ body: "<!doctype html><p>It works!</p>" }) } });
  const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
  expect(report).toMatchObject({ layout: null, probed: false, summary: { errors: 1, warnings: 0, infos: 0 } });
  expect(codes(report)).toEqual([{ severity: "error", code: "endpoint.not-json", path: "$", endpoint: "GET /manifest" }]);
  expect(report.findings[0]!.message).toContain("It works!");
});

it("reports a server it cannot reach, and one the outbound guard refuses", async () => {
  const { url } = await start({});
  await server!.close();
  server = undefined;
  expect(codes(await checkIntegration({ baseUrl: url, fetch }))).toEqual([{ severity: "error", code: "endpoint.unreachable", path: "$", endpoint: "GET /manifest" }]);
  // Without a fetch, calls go through the guard with no private address allowed.
  const { url: guarded } = await start({});
  const refused = await checkIntegration({ baseUrl: guarded });
  expect(refused.findings[0]).toMatchObject({ code: "endpoint.unreachable", message: expect.stringContaining("OUTBOUND_ALLOWLIST") });
  expect(server!.requests).toEqual([]);
});

it("probes nothing when the manifest breaks the contract; an action asked for without a config is an error", async () => {
  const { url } = await start({ manifest: (m) => void Object.assign(m, { actions: "none" }) });
  const invalid = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
  expect(codes(invalid).map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual(["error manifest.invalid actions", "info probe.skipped $"]);
  expect(server!.requests.map((r) => r.path)).toEqual(["/manifest"]);
  await server!.close();
  const { url: clean } = await start({});
  const noConfig = await checkIntegration({ baseUrl: clean, fetch, action: { slug: "createRecord", record: {} } });
  expect(codes(noConfig).map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual(["error execute.not-run actions"]);
  expect(server!.requests.map((r) => r.path)).toEqual(["/manifest"]);
});

it(`stops paging after ${MAX_PAGES} pages when nothing says how many records there are`, async () => {
  const many = Array.from({ length: 500 }, (_, index) => ({ id: `r${index}`, name: `Record ${index}` }));
  const { url } = await start({
    manifest: (m) => void (m.extractors.records.preview = "records"),
    routes: {
      "POST /extractors/records/count": () => ({ status: 404, body: { errorMessage: "No count" } }),
      "POST /extractors/records/fetch": (request) => ({ body: recordsPage(pageOf(request).offset, 2, many) }),
    },
  });
  const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
  expect(codes(report)).toEqual([{ severity: "warning", code: "extractor.paging-capped", path: `extractors.records:fetch[${MAX_PAGES - 1}].data.hasMore`, endpoint: undefined }]);
  expect(server!.requests.filter((r) => r.path === "/extractors/records/fetch")).toHaveLength(MAX_PAGES);
});

it("waits out one HTTP 429, then reports the second", async () => {
  let calls = 0;
  const { url } = await start({ routes: { "POST /autocompletes/listOwners": () => ({ status: 429, headers: { "retry-after": "0" }, body: { errorMessage: `slow down ${++calls}` } }) } });
  const report = await checkIntegration({ baseUrl: url, fetch, config: GOOD_CONFIG });
  expect(codes(report)).toEqual([{ severity: "warning", code: "endpoint.rate-limited", path: "autocompletes.listOwners:answer", endpoint: "POST /autocompletes/listOwners" }]);
  expect(calls).toBe(2);
});

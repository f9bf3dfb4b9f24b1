import { afterEach, describe, expect, it } from "vitest";
import { loopbackOutbound } from "../testing/outbound";
import { checkIntegration, fetchThrough, formatReport } from "./index";
import { CREATE_ACTION, GOOD_CONFIG } from "./testing/base-manifest";
import type { CorpusCase } from "./testing/corpus-case";
import { startCorpusServer, type CorpusServer } from "./testing/corpus-server";
import { manifestCases } from "./testing/manifest-cases";
import { probeCases } from "./testing/probe-cases";

// Every broken server has exactly one fault; the checker must report it, at its path and with its
// code, and nothing else. The clean server, probed the same way, must come out with no finding.
const fetch = fetchThrough(loopbackOutbound);
let server: CorpusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function check(corpusCase: Pick<CorpusCase, "server" | "lintOnly" | "timeoutMs">) {
  server = await startCorpusServer(corpusCase.server);
  const probes = corpusCase.lintOnly ? {} : { config: GOOD_CONFIG, action: CREATE_ACTION };
  return checkIntegration({ baseUrl: server.url, fetch, timeoutMs: corpusCase.timeoutMs, ...probes });
}

it("has at least 25 cases, each of its own fault", () => {
  const cases = [...manifestCases, ...probeCases];
  expect(cases.length).toBeGreaterThanOrEqual(25);
  expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
});

it("finds nothing wrong with the clean server, every endpoint probed", async () => {
  const report = await check({ server: {} });
  expect(report.findings, formatReport(report)).toEqual([]);
  expect(report).toMatchObject({ layout: "seed", probed: true });
  const called = new Set(server!.requests.map((request) => `${request.method} ${request.path}`));
  expect([...called].sort()).toEqual([
    "GET /manifest",
    "POST /actions/createRecord/execute",
    "POST /authenticate",
    "POST /autocompletes/listObjects",
    "POST /autocompletes/listOwners",
    "POST /autocompletes/listProperties",
    "POST /dynamicSchemas/recordFields",
    "POST /extractors/records/count",
    "POST /extractors/records/fetch",
    "POST /listUsers",
  ]);
  // listProperties reads objectType through three $parent from inside the mappings array: the first option of listObjects.
  expect(server!.requests.find((request) => request.path === "/autocompletes/listProperties")!.body.params).toEqual({ objectType: "contacts" });
});

describe.each([
  ["the manifest", manifestCases],
  ["the server's answers", probeCases],
] as const)("a fault in %s", (_, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, corpusCase) => {
    const report = await check(corpusCase);
    const found = report.findings.map(({ code, path, endpoint }) => ({ code, path, ...(endpoint && { endpoint }) }));
    expect(found, formatReport(report)).toEqual([corpusCase.expected]);
    const [only] = report.findings;
    expect(only!.message.length).toBeGreaterThan(20);
    expect(only!.fix.length).toBeGreaterThan(10);
  });
});

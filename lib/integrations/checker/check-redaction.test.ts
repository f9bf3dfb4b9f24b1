import { afterEach, expect, it } from "vitest";
import { redactSecrets } from "@/lib/vault";
import { loopbackOutbound } from "../testing/outbound";
import { checkIntegration, fetchThrough, formatReport } from "./index";
import { CREATE_ACTION, GOOD_CONFIG } from "./testing/base-manifest";
import { RECORDS, recordsPage, pageOf } from "./testing/base-routes";
import { startCorpusServer, type CorpusServer } from "./testing/corpus-server";

// A server that echoes the connector's secret wherever a finding quotes its answer: an error
// message, a body that is not JSON, an execute answer, a record's field name. Findings cut those
// excerpts short, so redaction must happen on the whole answer first, or half a secret gets out.
const SECRET = "sk_live_4f9c2a7e1b3d5f8a0c6e2b4d7f9a1c3e5b7d9f0a2c";
const fetch = fetchThrough(loopbackOutbound);
let server: CorpusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

it("quotes no part of a secret the server echoes: answers are redacted before anything is cut from them", async () => {
  expect(SECRET).toHaveLength(50);
  const echo = (body: Record<string, { token?: string }>) => String(body.connectorConfig?.token);
  server = await startCorpusServer({
    routes: {
      "POST /autocompletes/listOwners": (request) => ({ status: 500, body: { errorMessage: `Token ${echo(request.body)} was refused upstream` } }),
      "POST /autocompletes/listProperties": (request) => ({ body: `Token ${echo(request.body)} is not allowed to list properties` }),
      "POST /extractors/records/fetch": (request) => ({ body: recordsPage(pageOf(request).offset, 2, RECORDS.map((record) => ({ ...record, [echo(request.body)]: 1 }))) }),
      "POST /actions/createRecord/execute": (request, state) => {
        const next = Number(state.get("next") ?? 1);
        state.set("next", next + 1);
        return { body: { outcome: "executed", title: "Created", data: { echo: `created with key ${echo(request.body)} as #${next}` } } };
      },
    },
  });
  const report = await checkIntegration({
    baseUrl: server.url,
    fetch,
    config: { ...GOOD_CONFIG, token: SECRET },
    action: CREATE_ACTION,
    redact: (text) => redactSecrets(text, [SECRET]),
  });
  expect(report.findings.map((found) => found.code).sort(), formatReport(report)).toEqual(["endpoint.not-json", "endpoint.server-error", "execute.not-idempotent", "extractor.unknown-record-field"]);
  const text = JSON.stringify(report) + formatReport(report);
  const leaked = Array.from({ length: SECRET.length - 7 }, (_, start) => SECRET.slice(start, start + 8)).filter((part) => text.includes(part));
  expect(leaked).toEqual([]);
  expect(text).toContain("••••");
});

it("keeps answers parseable when a secret is made of digits that also stand in the JSON as a number", async () => {
  // A connector whose PIN is "1000", a manifest whose rate limit is 1,000 calls a minute: replacing
  // the digits in the raw text would turn `"max": 1000` into `"max": ••••` and the manifest into "not JSON".
  server = await startCorpusServer({ manifest: (manifest) => void (manifest.connector.rateLimit = { unit: "minute", max: 1000 }) });
  const report = await checkIntegration({ baseUrl: server.url, fetch, config: { ...GOOD_CONFIG, pin: "1000" }, redact: (text) => redactSecrets(text, ["1000"]) });
  expect(report.findings, formatReport(report)).toEqual([]);
});

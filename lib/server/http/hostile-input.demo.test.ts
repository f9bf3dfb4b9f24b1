import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_DEPTH } from "../json-body";
import { startApiOverDemo, type ApiOverDemo } from "../testing/api-over-demo";

// Input an API fuzzer sent through the real API app, over a real demo integration server, that
// answered 500: slugs named like Object.prototype's members, and bodies nested thousands deep.
// Each must be a 4xx with a readable errorMessage.
let app: ApiOverDemo;
let connectorUuid: string;

const send = async (method: string, route: string, body: unknown) => {
  const response = await fetch(`${app.origin}/api/v1${route}`, {
    method,
    headers: { "content-type": "application/json", cookie: app.cookie, origin: app.origin },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { errorMessage?: string } };
};
/** `{"a":{"a":…}}`, `levels` deep. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

beforeAll(async () => {
  app = await startApiOverDemo("hostile-input-");
  const registered = (await (await fetch(`${app.origin}/api/v1/connection/customIntegrations/list`, { headers: { cookie: app.cookie } })).json()).customIntegrations[0];
  const created = await send("POST", "/connection/connectors", { integrationSlug: registered.slug, slug: "crm", name: "CRM", config: { apiKey: "demo-api-key", region: "eu" } });
  expect(created.status).toBe(200);
  connectorUuid = (created.body as { connector: { uuid: string } }).connector.uuid;
});

afterAll(() => app?.close());

/** A client error with its reason, not a 500. */
function refused(answer: { status: number; body: { errorMessage?: string } }, what: string) {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBeLessThan(500);
  expect(answer.body.errorMessage, what).toEqual(expect.any(String));
}

describe("slugs named like Object.prototype's members", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("are unknown slugs: %s", async (slug) => {
    const native = { kind: "native", actionSlug: slug };
    const connector = { kind: "connector", integrationSlug: slug, actionSlug: "createRecord", connectorUuid };
    const node = (extra: object) => ({ uuid: "00000000-0000-4000-8000-0000000000b1", slug: "x", config: {}, childrenUuids: [], fallbackOnFailure: false, position: { x: 0, y: 0 }, ...extra });
    const start = { uuid: "00000000-0000-4000-8000-0000000000b0", slug: "start", kind: "native", actionSlug: "start", config: {}, childrenUuids: ["00000000-0000-4000-8000-0000000000b1"], fallbackOnFailure: false, position: { x: 0, y: 0 } };
    const answers = {
      "connector action": await send("POST", `/connection/connectors/${connectorUuid}/actions/${slug}/execute`, { config: {} }),
      autocomplete: await send("POST", `/connection/connectors/${connectorUuid}/autocomplete`, { slug }),
      "dynamic schema": await send("POST", `/connection/connectors/${connectorUuid}/dynamicSchema`, { slug }),
      "extractor preview": await send("POST", "/storage/extractors/preview", { connectorUuid, extractorSlug: slug }),
      "top-level native action": await send("POST", "/orchestration/actions/execute", { action: native, data: {} }),
      "top-level connector action": await send("POST", "/orchestration/actions/execute", { action: connector, data: {} }),
      "run of a graph": await send("POST", "/orchestration/runs", { nodes: [start, node(native)], data: {} }),
    };
    for (const [what, answer] of Object.entries(answers)) refused(answer, what);
    // Validation names the node's problem rather than failing.
    const validated = await send("POST", "/orchestration/nodes/validate", { nodes: [start, node(native), node({ ...connector, uuid: "00000000-0000-4000-8000-0000000000b2" })] });
    expect(validated.status, JSON.stringify(validated.body)).toBeLessThan(500);
  });
});

describe("bodies nested deeper than any graph or data needs", () => {
  it(`are refused as such past ${MAX_BODY_DEPTH} levels, before anything walks them`, async () => {
    const deep = nested(5_000);
    const answers = {
      "run data": await send("POST", "/orchestration/runs", `{"nodes":[],"data":${deep}}`),
      "connector config": await send("PUT", `/connection/connectors/${connectorUuid}`, `{"config":${deep}}`),
      "workflow nodes": await send("POST", "/orchestration/workflows", `{"name":"deep","nodes":[{"config":${deep}}]}`),
    };
    for (const [what, answer] of Object.entries(answers)) {
      refused(answer, what);
      expect(answer.body.errorMessage, what).toBe(`The request body nests more than ${MAX_BODY_DEPTH} levels of arrays and objects`);
    }
    // Up to the limit the body is read as usual (and refused, if at all, for what it says).
    const fine = await send("POST", "/orchestration/runs", `{"nodes":[],"data":${nested(MAX_BODY_DEPTH - 2)}}`);
    expect(fine.body.errorMessage ?? "").not.toContain("levels of arrays and objects");
  });
});

describe("query values that only look like numbers and dates", () => {
  const get = async (route: string) => {
    const response = await fetch(`${app.origin}/api/v1${route}`, { headers: { cookie: app.cookie } });
    return { status: response.status, body: (await response.json()) as { errorMessage?: string } };
  };

  it.each(["0x10", "1e2", "%205", "", "2.0", "-1"])("a count written as %j is refused by name, not read as a number", async (limit) => {
    for (const route of ["/orchestration/runs/list", "/workspace/auditLog/list", "/orchestration/batches/list"]) {
      const answer = await get(`${route}?limit=${limit}`);
      expect(answer.status, `${route}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.body.errorMessage).toMatch(/^Invalid query: limit: /);
    }
  });

  it("a uuid in upper case finds what its lower case does", async () => {
    const upper = connectorUuid.toUpperCase();
    expect(upper).not.toBe(connectorUuid);
    const answer = (await get(`/connection/connectors/${upper}`)) as { status: number; body: { connector?: { uuid: string } } };
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.connector?.uuid).toBe(connectorUuid);
  });

  it("a webhook takes parameters its sender adds: still the same 401 for an unsigned delivery", async () => {
    const response = await fetch(`${app.origin}/api/v1/hooks/tools/00000000-0000-4000-8000-000000000001?waitUntilFinished=true&source=crm`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status, await response.text()).toBe(401);
  });

  it("a count in plain digits is read, and held to the route's range", async () => {
    expect((await get("/orchestration/runs/list?limit=2")).status).toBe(200);
    expect((await get("/orchestration/runs/list?limit=501")).status).toBe(400);
    expect((await get("/orchestration/runs/list")).status).toBe(200);
  });

  it.each([
    ["a NUL character", "/connection/connectors/existsBySlug?slug=%00", /^Invalid query: slug: contains a NUL character/],
    ["a NUL character in a path", "/connection/integrations/demo%00", /^Invalid path parameters: slug: contains a NUL character/],
    ["a key given twice", "/orchestration/runs/list?statuses=success&statuses=error", /^Invalid query: statuses: is given 2 times; give it once/],
    ["a key the route does not take", "/orchestration/runs/list?status=error", /^Invalid query: status: is not a query parameter of this route \(it takes workflowUuid, batchUuid, statuses, limit\)/],
  ])("a query with %s is refused by name, on either database", async (_what, route, message) => {
    const answer = await get(route);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.errorMessage).toMatch(message);
  });

  it("a timestamp that is not one is refused, an ISO 8601 one is read", async () => {
    const garbage = await get("/workspace/auditLog/list?before=garbage");
    expect(garbage.status, JSON.stringify(garbage.body)).toBe(400);
    expect(garbage.body.errorMessage).toBe("Invalid query: before: must be an ISO 8601 timestamp (2026-03-01T12:00:00Z) or date (2026-03-01)");
    const entries = (await get(`/workspace/auditLog/list?before=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)) as { status: number; body: { entries?: unknown[] } };
    expect(entries.status).toBe(200);
    expect(entries.body.entries?.length).toBeGreaterThan(0);
  });

  it("a timestamp with an offset, or a date, pages as the moment it names", async () => {
    const all = ((await get("/workspace/auditLog/list?limit=200")).body as { entries: Array<{ createdAt: string }> }).entries;
    expect(all.length).toBeGreaterThan(1);
    const newest = all[0]!.createdAt;
    // The same moment two hours ahead, and without its milliseconds' zeros trimmed: older entries only.
    const shifted = new Date(Date.parse(newest) + 2 * 3_600_000).toISOString().replace("Z", "+02:00");
    const older = ((await get(`/workspace/auditLog/list?limit=200&before=${encodeURIComponent(shifted)}`)).body as { entries: Array<{ createdAt: string }> }).entries;
    expect(older).toEqual(all.filter((entry) => entry.createdAt < newest));
    expect(((await get("/workspace/auditLog/list?before=2000-01-01")).body as { entries: unknown[] }).entries).toEqual([]);
    expect(((await get("/workspace/auditLog/list?limit=200&before=2999-01-01")).body as { entries: unknown[] }).entries).toHaveLength(all.length);
    // Past year 9999 once in UTC: the latest moment, not a text that sorts before today's.
    const farthest = ((await get(`/workspace/auditLog/list?limit=200&before=${encodeURIComponent("9999-12-31T23:59:59-14:00")}`)).body as { entries: unknown[] }).entries;
    expect(farthest).toHaveLength(all.length);
  });
});

describe("answers to huge input", () => {
  it("quote at most a short part of it, in the message and in each problem", async () => {
    const huge = "x".repeat(200_000);
    const answers = {
      "unknown integration slug": await send("POST", "/connection/connectors", { integrationSlug: huge, slug: "big", name: "Big", config: {} }),
      "unknown key": await send("POST", "/orchestration/actions/executeBatch", { action: { kind: "native", actionSlug: "start" }, records: [], [huge]: 1 }),
      "many wrong items": await send("POST", "/orchestration/runs/cancel", { uuids: Array.from({ length: 500 }, () => huge.slice(0, 300)) }),
    };
    for (const [what, answer] of Object.entries(answers)) {
      refused(answer, what);
      const text = JSON.stringify(answer.body);
      expect(text.length, `${what}: ${text.slice(0, 300)}`).toBeLessThan(200_000);
      expect(answer.body.errorMessage!.length, what).toBeLessThan(1_100);
      const problems = (answer.body as { problems?: { path: string; message: string }[] }).problems ?? [];
      expect(problems.length, what).toBeLessThanOrEqual(100);
      for (const problem of problems) expect(problem.path.length + problem.message.length, what).toBeLessThan(2_200);
    }
    // The problems left off are counted.
    expect(answers["many wrong items"].body).toMatchObject({ problemsLeftOff: 400 });
  });
});

describe("text holding a NUL character", () => {
  it("is kept on SQLite and refused with 400 on Postgres, whose text cannot hold it; never a 500", async () => {
    const postgres = Boolean(process.env.TEST_POSTGRES_URL);
    const answers = {
      workflow: await send("POST", "/orchestration/workflows", { name: "Nul\u0000name", nodes: [] }),
      dataset: await send("POST", "/storage/datasets", { name: "Nul\u0000name" }),
      "api token": await send("POST", "/apiTokens", { name: "Nul\u0000name" }),
    };
    for (const [what, answer] of Object.entries(answers)) {
      if (postgres) expect(answer, what).toEqual({ status: 400, body: { errorMessage: "Text may not contain the NUL character (U+0000)" } });
      else expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
  });
});

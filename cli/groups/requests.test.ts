import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpMethod } from "../api-client";
import { echo, fakeRelay, runCli, type FakeRelay } from "../testing/fake-relay";

/** What `echo` answers for a request: the CLI prints it, so it is what the command sent. */
const sent = (method: HttpMethod, path: string, body?: unknown, query: Record<string, string> = {}) => ({
  method,
  path,
  query,
  ...(body !== undefined && { contentType: "application/json", body }),
});

const cases: [string, string[], ReturnType<typeof sent>][] = [
  [
    "play create with every setting, --cron as the schedule",
    [
      ...["orchestration", "play", "create", "--workflow-uuid", "w1", "--name", "Leads", "--model-uuid", "m1", "--segment-uuid", "s1", "--description", "New leads"],
      ...["--change-kinds", "added, updated", "--run-creation-rule", "once", "--cron", "0 8 * * 1", "--health-threshold", "0.5", "--is-enabled", "false"],
    ],
    sent("POST", "/orchestration/plays", {
      workflowUuid: "w1",
      name: "Leads",
      modelUuid: "m1",
      segmentUuid: "s1",
      description: "New leads",
      changeKinds: ["added", "updated"],
      runCreationRule: "once",
      schedule: { type: "cron", cron: "0 8 * * 1" },
      healthThreshold: 0.5,
      isEnabled: false,
    }),
  ],
  [
    "play create leaves the rest to the API's defaults",
    ["orchestration", "play", "create", "--workflow-uuid", "w1", "--name", "Leads", "--model-uuid", "m1", "--segment-uuid", "s1"],
    sent("POST", "/orchestration/plays", { workflowUuid: "w1", name: "Leads", modelUuid: "m1", segmentUuid: "s1" }),
  ],
  [
    "play update sends what is given, null clearing the schedule and the threshold",
    ["orchestration", "play", "update", "p1", "--schedule", "null", "--health-threshold", "null", "--change-kinds", "removed"],
    sent("PUT", "/orchestration/plays/p1", { changeKinds: ["removed"], healthThreshold: null, schedule: null }),
  ],
  [
    "play update --schedule as JSON",
    ["orchestration", "play", "update", "--uuid", "p1", "--name", "Weekly", "--schedule", '{"type":"cron","cron":"0 8 * * 1"}'],
    sent("PUT", "/orchestration/plays/p1", { name: "Weekly", schedule: { type: "cron", cron: "0 8 * * 1" } }),
  ],
  [
    "connector dynamic-schema",
    ["connection", "connector", "dynamic-schema", "--connector-uuid", "c1", "--slug", "recordFields", "--params", '{"objectType":"contacts"}'],
    sent("POST", "/connection/connectors/c1/dynamicSchema", { params: { objectType: "contacts" }, slug: "recordFields" }),
  ],
  [
    "connector dynamic-schema with no --params sends {}",
    ["connection", "connector", "dynamic-schema", "--connector-uuid", "c1", "--slug", "recordFields"],
    sent("POST", "/connection/connectors/c1/dynamicSchema", { params: {}, slug: "recordFields" }),
  ],
  ["connector list-users", ["connection", "connector", "list-users", "c1"], sent("POST", "/connection/connectors/c1/listUsers")],
  ["tool rotate-webhook-secret", ["orchestration", "tool", "rotate-webhook-secret", "t1"], sent("POST", "/orchestration/tools/t1/webhook/rotate")],
  ["tool disable-webhook", ["orchestration", "tool", "disable-webhook", "--uuid", "t1"], sent("POST", "/orchestration/tools/t1/webhook/disable")],
  ["workspace member list", ["workspace", "member", "list"], sent("GET", "/workspace/members/list")],
  ["workspace member update", ["workspace", "member", "update", "u1", "--role", "admin"], sent("PUT", "/workspace/members/u1", { role: "admin" })],
  ["workspace member remove", ["workspace", "member", "remove", "u1"], sent("DELETE", "/workspace/members/u1")],
  ["workspace invitation create", ["workspace", "invitation", "create", "--role", "admin"], sent("POST", "/workspace/invitations", { role: "admin" })],
  ["workspace invitation create with the API's default role", ["workspace", "invitation", "create"], sent("POST", "/workspace/invitations", {})],
  ["workspace invitation list", ["workspace", "invitation", "list"], sent("GET", "/workspace/invitations/list")],
  ["workspace token list", ["workspace", "token", "list"], sent("GET", "/apiTokens/list")],
  ["workspace token revoke", ["workspace", "token", "revoke", "k1"], sent("DELETE", "/apiTokens/k1")],
  [
    "workspace audit list",
    ["workspace", "audit", "list", "--limit", "20", "--before", "2026-03-01T00:00:00.000Z"],
    sent("GET", "/workspace/auditLog/list", undefined, { limit: "20", before: "2026-03-01T00:00:00.000Z" }),
  ],
];

let relay: FakeRelay;
beforeAll(async () => (relay = await fakeRelay(Object.fromEntries(cases.map(([, , request]) => [`${request.method} ${request.path}`, echo])))));
afterAll(() => relay.close());
const cli = (argv: string[]) => runCli(argv, { RELAY_TOKEN: "relay_test", RELAY_BASE_URL: relay.baseUrl });

describe("the request each command sends", () => {
  it.each(cases)("%s", async (_name, argv, request) => {
    const result = await cli(argv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(request);
  });
});

describe("play flags the CLI refuses before asking the API", () => {
  it("refuses --cron with --schedule, and a --health-threshold that is not JSON", async () => {
    const before = relay.requests.length;
    const both = await cli(["orchestration", "play", "update", "p1", "--cron", "0 8 * * 1", "--schedule", "null"]);
    expect(both).toEqual({ code: 1, stdout: "", stderr: `${JSON.stringify({ errorMessage: "Give --cron or --schedule, not both" }, null, 2)}\n` });
    const rate = await cli(["orchestration", "play", "update", "p1", "--health-threshold", "half"]);
    expect(rate.code).toBe(1);
    expect(JSON.parse(rate.stderr).errorMessage).toMatch(/^--health-threshold is not valid JSON/);
    expect(relay.requests.length).toBe(before);
  });
});

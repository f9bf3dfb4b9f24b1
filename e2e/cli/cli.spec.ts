import { stat, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import Papa from "papaparse";
import {
  BatchResponseBody,
  ConnectorListResponseBody,
  ConnectorResponseBody,
  CustomIntegrationListResponseBody,
  GetRunResponseBody,
  IntegrationListResponseBody,
  IntegrationResponseBody,
  RunListResponseBody,
  RunResponseBody,
  ValidateNodesResponseBody,
  WhoamiResponseBody,
  WorkflowResponseBody,
  type WorkflowNodeInput,
} from "@/lib/contract";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { E2E_DEMO_URL } from "../ports";
import { APP, createToken } from "../support/accounts";
import { delayGraph, graph, tmpl, uniqueName } from "../runs/support";
import { RelayCli } from "./relay-cli";

const MISSING = "00000000-0000-4000-8000-0000000000ff";

/** A CLI logged in to the suite's app with a fresh API token of the signed-in owner. */
async function loggedIn(request: APIRequestContext): Promise<RelayCli> {
  const cli = await RelayCli.create();
  const { token } = await createToken(request, uniqueName("cli"));
  await cli.json("login", "--token", token, "--base-url", APP);
  return cli;
}

/** start → wait 1.2 s → end with the record's name as `who`: slow enough that a batch is answered unfinished. */
const slowNameGraph = () =>
  graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["wait"] },
    { slug: "wait", kind: "native", actionSlug: "delay", config: { minutes: 0.02 }, children: ["end"] },
    { slug: "end", kind: "native", actionSlug: "end", config: { variables: [{ type: "any", name: "who", value: tmpl("{{nodes.start.name}}") }] } },
  );

/** A loopback port nothing listens on: a Relay that is down. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe("relay CLI", () => {
  // Each command is a process of its own (about half a second), and these tests run dozens.
  test.describe.configure({ timeout: 120_000 });
  test.afterAll(() => RelayCli.removeFolders());

  test("login checks and stores the token 0600 without printing it; whoami, env overrides and logout", async ({ request }) => {
    const cli = await RelayCli.create();
    const { token, uuid } = await createToken(request, uniqueName("cli login"));

    expect((await cli.fails("whoami")).errorMessage).toMatch(/^Not logged in/);
    expect((await cli.fails("login", "--token", "relay_not-a-real-token", "--base-url", APP)).status).toBe(401);
    await expect(stat(path.join(cli.configDir, "config.json"))).rejects.toThrow(/ENOENT/);

    const login = await cli.run("login", "--token", token, "--base-url", `${APP}/api/v1/`);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).not.toContain(token);
    expect(JSON.parse(login.stdout)).toMatchObject({ loggedIn: true, baseUrl: APP, role: "owner", apiToken: { uuid } });
    const file = path.join(cli.configDir, "config.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(cli.configDir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ baseUrl: APP, token });

    const owner = WhoamiResponseBody.parse(await (await request.get("/api/v1/whoami")).json());
    const whoami = await cli.json("whoami");
    expect(whoami).toMatchObject({ baseUrl: APP, workspace: owner.workspace, role: "owner", apiToken: { uuid } });
    expect(JSON.stringify(whoami)).not.toContain(token);

    // RELAY_BASE_URL wins over the file: a Relay that is down is a clear error, not a stack trace.
    const port = await deadPort();
    expect((await cli.with({ RELAY_BASE_URL: `http://127.0.0.1:${port}` }).fails("whoami")).errorMessage).toBe(
      `Could not reach Relay at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    // CI needs no file at all.
    const ci = (await RelayCli.create()).with({ RELAY_TOKEN: token, RELAY_BASE_URL: APP });
    expect(await ci.json("whoami")).toMatchObject({ workspace: owner.workspace, apiToken: { uuid } });

    expect(await cli.json("logout")).toEqual({ loggedOut: true, configPath: file });
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    expect((await cli.fails("orchestration", "workflow", "list")).errorMessage).toMatch(/^Not logged in/);
  });

  test("help shows examples; usage errors and bad JSON flags are {errorMessage} with exit code 1", async () => {
    const cli = await RelayCli.create();
    for (const args of [["--help"], ["help", "orchestration"], ["connection", "connector", "--help"], ["orchestration", "run", "create", "--help"]]) {
      const help = await cli.run(...args);
      expect(help.code, args.join(" ")).toBe(0);
      expect(help.stdout).toMatch(/Examples?:\n {2}relay /);
    }
    expect((await cli.run("orchestration", "run", "create", "--help")).stdout).toContain("--wait-until-finished");

    expect((await cli.fails("orchestration", "run", "get", "--bogus")).errorMessage).toBe("unknown option '--bogus'");
    expect((await cli.fails("orchestration", "runs")).errorMessage).toMatch(/^unknown command 'runs'/);
    expect((await cli.fails("orchestration", "run")).errorMessage).toBe("Missing a command: see relay orchestration run --help");
    expect((await cli.fails("connection", "connector", "exists-by-slug")).errorMessage).toBe("required option '--slug <slug>' not specified");
    // JSON flags are read before anything is sent, so these need no login.
    expect((await cli.fails("orchestration", "node", "validate", "--nodes", "[{nope")).errorMessage).toMatch(/^--nodes is not valid JSON/);
    expect((await cli.fails("orchestration", "node", "validate", "--nodes", "@/nonexistent/nodes.json")).errorMessage).toBe(
      "--nodes: cannot read /nonexistent/nodes.json (no such file)",
    );
  });

  test("connection: integrations, the native integration, connectors and custom integrations", async ({ request }) => {
    const cli = await loggedIn(request);
    const listed = IntegrationListResponseBody.parse(await cli.json("connection", "integration", "list", "--has-actions", "true", "--search", "demo"));
    expect(listed.integrations.map((integration) => integration.slug)).toContain("demo_crm");
    const demo = IntegrationResponseBody.parse(await cli.json("connection", "integration", "get", "demo_crm"));
    expect(Object.keys(demo.integration.actions)).toContain("createRecord");
    expect(await cli.json("connection", "integration", "get-documentation", "--slug", "demo_crm")).toEqual({ documentation: expect.stringContaining("# Demo CRM") });
    expect(await cli.json("connection", "native-integration", "get")).toMatchObject({ nativeIntegration: { actions: expect.objectContaining({ start: expect.anything() }) } });

    const slug = `cli_${Date.now().toString(36)}`;
    const configFile = path.join(cli.configDir, "demo-config.json");
    await writeFile(configFile, JSON.stringify({ apiKey: "demo-api-key", region: "eu" }));
    const { connector } = ConnectorResponseBody.parse(
      await cli.json("connection", "connector", "create", "--integration-slug", "demo_crm", "--slug", slug, "--name", "CLI demo", "--config", `@${configFile}`),
    );
    expect(connector).toMatchObject({ slug, name: "CLI demo", config: { apiKey: "••••••••", region: "eu" } });
    expect(await cli.json("connection", "connector", "exists-by-slug", "--slug", slug)).toEqual({ exists: true });
    const list = ConnectorListResponseBody.parse(await cli.json("connection", "connector", "list", "--integration-slug", "demo_crm"));
    expect(list.connectors.map((listed) => listed.uuid)).toContain(connector.uuid);
    const renamed = ConnectorResponseBody.parse(await cli.json("connection", "connector", "update", "--uuid", connector.uuid, "--name", "CLI demo (renamed)"));
    expect(renamed.connector.name).toBe("CLI demo (renamed)");
    expect(ConnectorResponseBody.parse(await cli.json("connection", "connector", "get", connector.uuid)).connector.name).toBe("CLI demo (renamed)");
    const objects = await cli.json("connection", "connector", "autocomplete", "--connector-uuid", connector.uuid, "--slug", "listObjects", "--params", "{}");
    expect(objects).toMatchObject({ results: expect.arrayContaining([expect.objectContaining({ value: "contacts" })]) });

    const refused = await cli.fails("connection", "connector", "create", "--integration-slug", "demo_crm", "--slug", `${slug}_x`, "--name", "Wrong", "--config", '{"apiKey":"nope","region":"eu"}');
    expect(refused).toMatchObject({ errorMessage: "Invalid API key: use demo-api-key", reason: "unauthenticated", status: 422 });
    expect(await cli.json("connection", "connector", "remove", connector.uuid)).toEqual({});
    expect(await cli.fails("connection", "connector", "get", connector.uuid)).toMatchObject({ status: 404 });

    const custom = CustomIntegrationListResponseBody.parse(await cli.json("connection", "custom-integration", "list"));
    const registered = custom.customIntegrations.find((integration) => integration.baseUrl.replace(/\/$/, "") === E2E_DEMO_URL);
    expect(registered).toBeDefined();
    expect(await cli.json("connection", "custom-integration", "get", registered!.uuid)).toMatchObject({ customIntegration: { uuid: registered!.uuid } });
    expect(await cli.json("connection", "custom-integration", "refresh", "--uuid", registered!.uuid)).toMatchObject({ customIntegration: { uuid: registered!.uuid } });
    expect((await cli.fails("connection", "custom-integration", "get", MISSING)).status).toBe(404);
  });

  test("orchestration: workflows, validation, runs waited for, cancelled and listed, releases, templates, tools and plays", async ({ request }) => {
    const cli = await loggedIn(request);
    const nodesFile = path.join(cli.configDir, "nodes.json");
    await writeFile(nodesFile, JSON.stringify(delayGraph(0.02)));

    const { workflow } = WorkflowResponseBody.parse(await cli.json("orchestration", "workflow", "create", "--name", uniqueName("CLI wait"), "--nodes", `@${nodesFile}`));
    const renamed = WorkflowResponseBody.parse(await cli.json("orchestration", "workflow", "update", workflow.uuid, "--name", "CLI renamed"));
    expect(renamed.workflow).toMatchObject({ uuid: workflow.uuid, name: "CLI renamed" });
    expect(WorkflowResponseBody.parse(await cli.json("orchestration", "workflow", "get", workflow.uuid)).workflow.nodes).toHaveLength(3);
    expect(await cli.json("orchestration", "workflow", "list")).toMatchObject({ workflows: expect.arrayContaining([expect.objectContaining({ uuid: workflow.uuid })]) });

    expect(ValidateNodesResponseBody.parse(await cli.json("orchestration", "node", "validate", "--nodes", `@${nodesFile}`)).outcome).toBe("valid");
    const broken: WorkflowNodeInput[] = delayGraph(0.02).filter((node) => node.slug !== "start");
    expect(ValidateNodesResponseBody.parse(await cli.json("orchestration", "node", "validate", "--nodes", JSON.stringify(broken))).outcome).toBe("notValid");

    // The run has a 1.2 s delay: without waiting it is answered unfinished, with waiting it is done.
    const waited = RunResponseBody.parse(await cli.json("orchestration", "run", "create", "--workflow-uuid", workflow.uuid, "--data", '{"n":1}', "--wait-until-finished"));
    expect(waited.run).toMatchObject({ status: "success", output: { waited: 0.02 } });
    const detail = GetRunResponseBody.parse(await cli.json("orchestration", "run", "get", waited.run.uuid));
    expect(detail.runContext.start).toEqual({ n: 1 });
    expect(await cli.fails("orchestration", "run", "get", MISSING)).toMatchObject({ reason: "runNotFound", status: 404 });

    const { workflow: slow } = WorkflowResponseBody.parse(await cli.json("orchestration", "workflow", "create", "--name", uniqueName("CLI slow"), "--nodes", JSON.stringify(delayGraph(1))));
    const started = RunResponseBody.parse(await cli.json("orchestration", "run", "create", "--workflow-uuid", slow.uuid));
    expect(["pending", "running"]).toContain(started.run.status);
    expect(await cli.json("orchestration", "run", "cancel", started.run.uuid)).toEqual({ cancelledUuids: [started.run.uuid] });
    const listed = RunListResponseBody.parse(await cli.json("orchestration", "run", "list", "--workflow-uuid", slow.uuid, "--statuses", "cancelled"));
    expect(listed.runs.map((run) => run.uuid)).toEqual([started.run.uuid]);

    const release = await cli.json("orchestration", "release", "deploy", "--workflow-uuid", workflow.uuid, "--description", "from the CLI");
    expect(release).toMatchObject({ release: { workflowUuid: workflow.uuid, version: "1.0.0", description: "from the CLI" } });
    expect(await cli.json("orchestration", "release", "list", "--workflow-uuid", workflow.uuid)).toMatchObject({ releases: [{ version: "1.0.0" }] });

    const templates = (await cli.json("orchestration", "template", "list")) as { templates: { slug: string }[] };
    expect(templates.templates.length).toBeGreaterThan(0);
    expect(await cli.json("orchestration", "template", "get", templates.templates[0]!.slug)).toMatchObject({ template: { slug: templates.templates[0]!.slug } });
    expect(await cli.fails("orchestration", "template", "get", "no-such-template")).toMatchObject({ status: 404 });
    expect(await cli.json("orchestration", "tool", "list")).toEqual({ tools: expect.any(Array) });
    expect(await cli.json("orchestration", "play", "list")).toEqual({ plays: expect.any(Array) });

    expect(await cli.json("orchestration", "workflow", "remove", slow.uuid)).toEqual({});
  });

  test("orchestration: a batch and an action batch waited for until success, the batch's CSV and records, one action", async ({ request }) => {
    const cli = await loggedIn(request);
    const records = Array.from({ length: 3 }, (_, index) => ({ id: `r${index + 1}`, name: `Person ${index + 1}` }));
    const dataFile = path.join(cli.configDir, "batch-data.json");
    await writeFile(dataFile, JSON.stringify({ kind: "records", records }));

    const { workflow } = WorkflowResponseBody.parse(await cli.json("orchestration", "workflow", "create", "--name", uniqueName("CLI batch"), "--nodes", JSON.stringify(slowNameGraph())));
    const batch = BatchResponseBody.parse(
      await cli.json("orchestration", "batch", "create", "--workflow-uuid", workflow.uuid, "--data", `@${dataFile}`, "--wait-until-finished", "--polling-interval", "200"),
    ).batch;
    expect(batch).toMatchObject({ status: "success", runsCount: 3, executedRunsCount: 3, failedRunsCount: 0 });
    expect(BatchResponseBody.parse(await cli.json("orchestration", "batch", "get", batch.uuid)).batch.status).toBe("success");
    expect(await cli.json("orchestration", "batch", "list", "--workflow-uuid", workflow.uuid)).toMatchObject({ batches: [{ uuid: batch.uuid }] });

    const csv = await cli.run("orchestration", "batch", "download", batch.uuid);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = Papa.parse<Record<string, string>>(csv.stdout.trim(), { header: true }).data;
    expect(rows.map((row) => row.who).sort()).toEqual(["Person 1", "Person 2", "Person 3"]);
    const output = path.join(cli.configDir, "batch.csv");
    expect(await cli.json("orchestration", "batch", "download", "--uuid", batch.uuid, "--output", output)).toEqual({ file: output, bytes: (await stat(output)).size });
    expect(await readFile(output, "utf8")).toBe(csv.stdout);

    expect(await cli.json("orchestration", "record", "list", "--batch-uuid", batch.uuid)).toMatchObject({ count: 3, records: expect.any(Array) });
    expect(await cli.json("orchestration", "record", "count", "--workflow-uuid", workflow.uuid)).toEqual({ count: 3 });
    const metrics = (await cli.json("orchestration", "record", "get-metrics", "--batch-uuid", batch.uuid)) as { recordMetrics: { nodeSlug: string; successExecutionsCount: number }[] };
    expect(metrics.recordMetrics.find((metric) => metric.nodeSlug === "end")?.successExecutionsCount).toBe(3);
    expect(await cli.json("orchestration", "batch", "cancel", batch.uuid)).toMatchObject({ batch: { uuid: batch.uuid } });

    const variables = JSON.stringify({ kind: "native", actionSlug: "variables" });
    const executed = RunResponseBody.parse(
      await cli.json("orchestration", "action", "execute", "--action", variables, "--data", '{"variables":[{"name":"greeting","type":"string","value":"hello"}]}', "--wait-until-finished"),
    );
    expect(executed.run.status).toBe("success");
    expect(GetRunResponseBody.parse(await cli.json("orchestration", "run", "get", executed.run.uuid)).runContext.variables).toEqual({ greeting: "hello" });
    // Each record is one run's config: two 1.2 s delays, so only waiting sees them end.
    const delay = JSON.stringify({ kind: "native", actionSlug: "delay" });
    const actionBatch = BatchResponseBody.parse(
      await cli.json("orchestration", "action", "execute-batch", "--action", delay, "--records", '[{"minutes":0.02},{"minutes":0.02}]', "--wait-until-finished", "--polling-interval", "200"),
    ).batch;
    expect(actionBatch).toMatchObject({ status: "success", runsCount: 2, executedRunsCount: 2 });
    expect((await cli.fails("orchestration", "batch", "get", MISSING)).status).toBe(404);
  });

  test("storage and segmentation: datasets, models, segments and fetching records", async ({ request }) => {
    const cli = await loggedIn(request);
    const { dataset } = (await cli.json("storage", "dataset", "create", "--name", uniqueName("CLI dataset"))) as { dataset: { uuid: string } };
    expect(await cli.json("storage", "dataset", "list")).toMatchObject({ datasets: expect.arrayContaining([expect.objectContaining({ uuid: dataset.uuid })]) });

    const upload = await request.post("/api/v1/workspace/files", {
      headers: { origin: APP },
      multipart: { file: { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("id,name,country\n1,Ada,FR\n2,Bob,US\n3,Cy,FR\n") } },
    });
    expect(upload.status(), await upload.text()).toBe(200);
    const fileUuid = (await upload.json()).file.uuid as string;
    const { model } = (await cli.json("storage", "model", "create", "--name", uniqueName("CLI people"), "--file-uuid", fileUuid, "--dataset-uuid", dataset.uuid)) as {
      model: { uuid: string; name: string };
    };
    expect(await cli.json("storage", "model", "list", "--dataset-uuid", dataset.uuid)).toMatchObject({ models: [{ uuid: model.uuid }] });
    expect(await cli.json("storage", "model", "update", model.uuid, "--name", "CLI people (renamed)")).toMatchObject({ model: { name: "CLI people (renamed)" } });
    expect(await cli.json("storage", "model", "get", model.uuid)).toMatchObject({ model: { uuid: model.uuid, name: "CLI people (renamed)" } });

    const filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ columnSlug: "country", kind: "string", operator: "is", values: ["FR"] }] }] };
    const filterFile = path.join(cli.configDir, "filter.json");
    await writeFile(filterFile, JSON.stringify(filter));
    const fetched = (await cli.json("segmentation", "segment", "fetch", "--model-uuid", model.uuid, "--filter", `@${filterFile}`, "--fetching-limit", "10")) as { count: number };
    expect(fetched.count).toBe(2);

    const { segment } = (await cli.json("segmentation", "segment", "create", "--model-uuid", model.uuid, "--name", "French", "--filter", `@${filterFile}`)) as { segment: { uuid: string } };
    expect(await cli.json("segmentation", "segment", "list", "--model-uuid", model.uuid)).toMatchObject({ segments: [{ uuid: segment.uuid, name: "French" }] });
    expect(await cli.json("segmentation", "segment", "update", "--uuid", segment.uuid, "--name", "FR")).toMatchObject({ segment: { name: "FR" } });
    expect(await cli.json("segmentation", "segment", "get", segment.uuid)).toMatchObject({ segment: { name: "FR", filter } });
    expect(await cli.json("segmentation", "segment", "fetch", "--segment-uuid", segment.uuid)).toMatchObject({ count: 2 });
    expect(await cli.json("segmentation", "segment", "remove", segment.uuid)).toEqual({});
    expect(await cli.json("storage", "model", "remove", model.uuid)).toEqual({});
    expect((await cli.fails("storage", "model", "get", model.uuid)).status).toBe(404);
  });

  test("custom-integration check runs locally against the demo server, with no login", async () => {
    const cli = await RelayCli.create();
    const json = await cli.run("connection", "custom-integration", "check", E2E_DEMO_URL, "--config", '{"apiKey":"demo-api-key","region":"eu"}', "--json");
    expect(json.code, json.stdout + json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ baseUrl: E2E_DEMO_URL, layout: "seed", probed: true, summary: { errors: 0 } });
    expect(report.findings.filter((finding: { severity: string }) => finding.severity === "error")).toEqual([]);

    const text = await cli.run("connection", "custom-integration", "check", E2E_DEMO_URL);
    expect(text.code, text.stdout + text.stderr).toBe(0);
    expect(text.stdout.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text.stdout)).toThrow();

    // A server that is not there has errors: the report still prints, and the exit code says so.
    const down = await cli.run("connection", "custom-integration", "check", `http://127.0.0.1:${await deadPort()}`, "--json");
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout).summary.errors).toBeGreaterThan(0);
  });
});

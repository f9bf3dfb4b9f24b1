import { readFile, stat, writeFile } from "node:fs/promises";
import Papa from "papaparse";
import { BatchResponseBody, GetRunResponseBody, RunListResponseBody, RunResponseBody, ValidateNodesResponseBody, WorkflowResponseBody, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { createDemoConnector, delayGraph, failingGraph, graph, tmpl, uniqueName } from "../runs/support";
import { loggedIn, MISSING, RelayCli } from "./relay-cli";

/** start → wait 1.2 s → end with the record's name as `who`: slow enough that a batch is answered unfinished. */
const slowNameGraph = () =>
  graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["wait"] },
    { slug: "wait", kind: "native", actionSlug: "delay", config: { minutes: 0.02 }, children: ["end"] },
    { slug: "end", kind: "native", actionSlug: "end", config: { variables: [{ type: "any", name: "who", value: tmpl("{{nodes.start.name}}") }] } },
  );

test.describe("relay CLI: orchestration", () => {
  // Each command is a process of its own (about half a second), and these tests run dozens.
  test.describe.configure({ timeout: 120_000 });
  test.afterAll(() => RelayCli.removeFolders());

  test("orchestration: workflows, validation, runs waited for, cancelled and listed, releases, templates, tools and plays", async ({ request }) => {
    const cli = await loggedIn(request);
    const nodesFile = cli.file("nodes.json");
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

    // A run that fails is still printed, on stdout, but exits 2 so a `set -e` script stops.
    const connector = await createDemoConnector(request);
    const failing = JSON.stringify(failingGraph(connector.uuid, "The CRM said no"));
    const failed = await cli.run("orchestration", "run", "create", "--nodes", failing, "--data", "{}", "--wait-until-finished");
    expect(failed.code, failed.stderr).toBe(2);
    expect(failed.stderr).toBe("");
    expect(RunResponseBody.parse(JSON.parse(failed.stdout)).run).toMatchObject({ status: "error", errorMessage: expect.stringContaining("The CRM said no") });

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
    const dataFile = cli.file("batch-data.json");
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
    const output = cli.file("batch.csv");
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
});

import { GetRunResponseBody, RunResponseBody, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { createDemoConnector, graph, tmpl } from "../runs/support";

const RUNS = "/api/v1/orchestration/runs";

/**
 * start → a group over `nodes.start.emails` whose sub-graph creates a demo CRM contact per email
 * (first name from the outer run, via parentNodes) → end with the group's array.
 */
function perEmailGraph(connectorUuid: string, failOnItemFailure: boolean): WorkflowNodeInput[] {
  const subNodes = graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["create"] },
    {
      slug: "create",
      kind: "connector",
      integrationSlug: "demo_crm",
      connectorUuid,
      actionSlug: "createRecord",
      config: { objectType: "contacts", fields: { email: tmpl("{{nodes.start.value}}"), firstName: tmpl("{{parentNodes.start.team}}") } },
      children: ["end"],
    },
    {
      slug: "end",
      kind: "native",
      actionSlug: "end",
      config: { variables: [{ name: "email", type: "string", value: tmpl("{{nodes.create.email}}") }, { name: "name", type: "string", value: tmpl("{{nodes.create.firstName}}") }] },
    },
  ).map((node) => ({ config: {}, fallbackOnFailure: false, ...node }));
  return graph(
    { slug: "start", kind: "native", actionSlug: "start", children: ["each"] },
    { slug: "each", kind: "native", actionSlug: "group", config: { items: tmpl("{{nodes.start.emails}}"), failOnItemFailure, _nodes: subNodes }, children: ["done"] },
    { slug: "done", kind: "native", actionSlug: "end", config: { variables: [{ name: "contacts", type: "array", value: tmpl("{{nodes.each}}") }] } },
  );
}

const unique = (name: string) => `${name}.${Date.now().toString(36)}@example.com`;

test.describe("group runs API", () => {
  test("a group runs its sub-graph per email through the demo integration; the output is the array of item ends", async ({ request }) => {
    const connector = await createDemoConnector(request);
    const emails = [unique("ada"), unique("grace"), unique("linus")];
    const created = await request.post(`${RUNS}?waitUntilFinished=true`, { data: { nodes: perEmailGraph(connector.uuid, true), data: { emails, team: "Group" } } });
    expect(created.status(), await created.text()).toBe(200);
    const { run } = RunResponseBody.parse(await created.json());
    expect(run.status, run.errorMessage ?? "").toBe("success");
    expect(run.output).toEqual({ contacts: emails.map((email) => ({ email, name: "Group" })) });

    const inside = run.executions.filter((execution) => execution.groupNodeUuid !== undefined);
    expect(inside.map((execution) => `${execution.itemIndex}:${execution.nodeSlug}:${execution.status}`)).toEqual(
      [0, 1, 2].flatMap((index) => [`${index}:start:success`, `${index}:create:success`, `${index}:end:success`]),
    );
    const detail = GetRunResponseBody.parse(await (await request.get(`${RUNS}/${run.uuid}`)).json());
    expect(detail.runContext.each).toEqual(emails.map((email) => ({ email, name: "Group" })));
    expect(detail.run.executions.find((execution) => execution.nodeSlug === "each")).toMatchObject({ status: "success", title: "3 items" });
  });

  test("with failOnItemFailure false, a failing item becomes {error} and the run succeeds; with true, the run fails", async ({ request }) => {
    const connector = await createDemoConnector(request);
    const emails = [unique("first"), "", unique("third")];
    const lenient = RunResponseBody.parse(
      await (await request.post(`${RUNS}?waitUntilFinished=true`, { data: { nodes: perEmailGraph(connector.uuid, false), data: { emails, team: "G" } } })).json(),
    ).run;
    expect(lenient.status).toBe("success");
    expect(lenient.output).toEqual({
      contacts: [{ email: emails[0], name: "G" }, { error: 'create: Missing required field "email" for contacts' }, { email: emails[2], name: "G" }],
    });

    const strict = RunResponseBody.parse(
      await (await request.post(`${RUNS}?waitUntilFinished=true`, { data: { nodes: perEmailGraph(connector.uuid, true), data: { emails, team: "G" } } })).json(),
    ).run;
    expect(strict.status).toBe("error");
    expect(strict.errorMessage).toBe('each: Item 1: create: Missing required field "email" for contacts');
  });
});

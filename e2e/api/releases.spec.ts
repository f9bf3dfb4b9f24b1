import type { APIRequestContext } from "@playwright/test";
import { ApiErrorResponseBody, ReleaseListResponseBody, ReleaseResponseBody, RunResponseBody, WorkflowResponseBody, type WorkflowNodeInput } from "@/lib/contract";
import { expect, test } from "../fixtures";

/** start → end, the end answering `{answer}`. */
const answering = (answer: string): WorkflowNodeInput[] => [
  { uuid: "s", slug: "start", kind: "native", actionSlug: "start", childrenUuids: ["e"] },
  { uuid: "e", slug: "end", kind: "native", actionSlug: "end", config: { variables: [{ name: "answer", type: "string", value: answer }] } },
];

async function workflowAnswering(request: APIRequestContext, answer: string) {
  const response = await request.post("/api/v1/orchestration/workflows", { data: { name: `Releases ${Date.now().toString(36)}`, nodes: answering(answer) } });
  expect(response.status(), await response.text()).toBe(200);
  return WorkflowResponseBody.parse(await response.json()).workflow;
}

async function runRelease(request: APIRequestContext, releaseUuid: string) {
  const response = await request.post("/api/v1/orchestration/runs?waitUntilFinished=true", { data: { releaseUuid, data: {} } });
  expect(response.status(), await response.text()).toBe(200);
  return RunResponseBody.parse(await response.json()).run;
}

test.describe("releases API", () => {
  test("deploy, edit the draft, deploy again, roll back: each release runs its own graph", async ({ request }) => {
    const workflow = await workflowAnswering(request, "one");
    const none = await request.get(`/api/v1/orchestration/releases/deployed?workflowUuid=${workflow.uuid}`);
    expect(none.status()).toBe(404);
    expect(ApiErrorResponseBody.parse(await none.json())).toMatchObject({ reason: "noDeployedRelease" });

    const deployed = await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid, description: "First cut" } });
    expect(deployed.status(), await deployed.text()).toBe(200);
    const first = ReleaseResponseBody.parse(await deployed.json()).release;
    expect(first).toMatchObject({ version: "1.0.0", status: "deployed", description: "First cut", workflowUuid: workflow.uuid });

    const edited = await request.put(`/api/v1/orchestration/workflows/${workflow.uuid}`, { data: { nodes: answering("two"), updatedAt: workflow.updatedAt } });
    expect(WorkflowResponseBody.parse(await edited.json()).workflow.deployedRelease).toMatchObject({ uuid: first.uuid, version: "1.0.0" });
    expect((await runRelease(request, first.uuid)).output).toEqual({ answer: "one" });

    const second = ReleaseResponseBody.parse(await (await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid } })).json()).release;
    expect(second.version).toBe("1.0.1");
    const rollback = await request.post(`/api/v1/orchestration/releases/${first.uuid}/redeploy`, { data: {} });
    expect(rollback.status(), await rollback.text()).toBe(200);
    const third = ReleaseResponseBody.parse(await rollback.json()).release;
    expect(third).toMatchObject({ version: "1.0.2", parentUuid: first.uuid, description: "Rollback to 1.0.0" });
    expect((await runRelease(request, third.uuid)).output).toEqual({ answer: "one" });

    const { releases } = ReleaseListResponseBody.parse(await (await request.get(`/api/v1/orchestration/releases/list?workflowUuid=${workflow.uuid}`)).json());
    expect(releases.map((release) => `${release.version} ${release.status}`)).toEqual(["1.0.2 deployed", "1.0.1 superseded", "1.0.0 superseded"]);
    const got = ReleaseResponseBody.parse(await (await request.get(`/api/v1/orchestration/releases/${second.uuid}`)).json()).release;
    expect(got.nodes.find((node) => node.slug === "end")?.config).toMatchObject({ variables: [{ value: "two" }] });
  });

  test("a run or a batch naming a release and a graph of its own is 400 invalidReleaseOrCustomNodes; a taken version is 409", async ({ request }) => {
    const workflow = await workflowAnswering(request, "x");
    const release = ReleaseResponseBody.parse(
      await (await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid, version: "3.1.4" } })).json(),
    ).release;
    for (const [path, extra] of [
      ["/api/v1/orchestration/runs", {}],
      ["/api/v1/orchestration/batches", { data: { kind: "records", records: [{ id: "a" }] } }],
    ] as const) {
      const response = await request.post(path, { data: { releaseUuid: release.uuid, nodes: answering("mine"), data: {}, ...extra } });
      expect(response.status(), path).toBe(400);
      expect(ApiErrorResponseBody.parse(await response.json())).toMatchObject({ reason: "invalidReleaseOrCustomNodes" });
    }
    const taken = await request.post("/api/v1/orchestration/releases/deployDraft", { data: { workflowUuid: workflow.uuid, version: "3.1.4" } });
    expect(taken.status()).toBe(409);
    expect(ApiErrorResponseBody.parse(await taken.json())).toMatchObject({ reason: "releaseVersionTaken" });
  });
});

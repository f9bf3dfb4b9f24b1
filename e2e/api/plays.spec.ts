import { ApiErrorResponseBody, PlayListResponseBody, PlayResponseBody, SegmentResponseBody, type Play } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { createCsvModel, uniqueName } from "../support/records";
import { createDeployedTool } from "../support/tools";

test.describe("plays API", () => {
  test("creates, reads, updates, disables, enables and removes a play; a run of its workflow answers playNotCompatible", async ({ request }) => {
    const model = await createCsvModel(request, uniqueName("Leads"), ["id,name,country", "1,Ada,FR", "2,Grace,US"]);
    const other = await createCsvModel(request, uniqueName("Others"), ["id,name", "1,Linus"]);
    const filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "country", operator: "is", values: "FR" }] }] };
    const segmentAnswer = await request.post("/api/v1/segmentation/segments", { data: { modelUuid: model.uuid, name: "French", filter } });
    expect(segmentAnswer.status(), await segmentAnswer.text()).toBe(200);
    const segment = SegmentResponseBody.parse(await segmentAnswer.json()).segment;
    // A tool's workflow, deployed: the tool is removed so the workflow can become a play.
    const tool = await createDeployedTool(request, uniqueName("Greeter"));
    const asTool = await request.post("/api/v1/orchestration/plays", { data: { workflowUuid: tool.workflowUuid, name: "No", modelUuid: model.uuid, segmentUuid: segment.uuid } });
    expect(asTool.status()).toBe(409);
    expect((await asTool.json()).reason).toBe("workflowIsTool");
    expect((await request.delete(`/api/v1/orchestration/tools/${tool.uuid}`)).status()).toBe(200);

    const foreign = await request.post("/api/v1/orchestration/plays", { data: { workflowUuid: tool.workflowUuid, name: "No", modelUuid: other.uuid, segmentUuid: segment.uuid } });
    expect(foreign.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await foreign.json()).problems?.map((problem) => problem.path)).toEqual(["segmentUuid"]);
    const noKinds = await request.post("/api/v1/orchestration/plays", {
      data: { workflowUuid: tool.workflowUuid, name: "No", modelUuid: model.uuid, segmentUuid: segment.uuid, changeKinds: [] },
    });
    expect(noKinds.status()).toBe(400);

    const created = await request.post("/api/v1/orchestration/plays", {
      data: { workflowUuid: tool.workflowUuid, name: "Welcome", modelUuid: model.uuid, segmentUuid: segment.uuid, changeKinds: ["added", "removed"], healthThreshold: 0.3, schedule: { type: "cron", cron: "0 9 * * 1" } },
    });
    expect(created.status(), await created.text()).toBe(200);
    const play: Play = PlayResponseBody.parse(await created.json()).play;
    expect(play).toMatchObject({ isEnabled: true, runCreationRule: "always", health: { status: "healthy", reason: null }, lastBatch: null, deployedRelease: { version: "1.0.0" } });

    const list = PlayListResponseBody.parse(await (await request.get("/api/v1/orchestration/plays/list")).json()).plays;
    expect(list.map((listed) => listed.uuid)).toContain(play.uuid);
    const updated = await request.put(`/api/v1/orchestration/plays/${play.uuid}`, { data: { name: "Welcome again", runCreationRule: "once" } });
    expect(PlayResponseBody.parse(await updated.json()).play).toMatchObject({ name: "Welcome again", runCreationRule: "once", changeKinds: ["added", "removed"] });
    const disabled = await request.post(`/api/v1/orchestration/plays/${play.uuid}/disable`);
    expect(PlayResponseBody.parse(await disabled.json()).play.isEnabled).toBe(false);
    const enabled = await request.post(`/api/v1/orchestration/plays/${play.uuid}/enable`);
    expect(PlayResponseBody.parse(await enabled.json()).play.isEnabled).toBe(true);

    for (const body of [{ workflowUuid: play.workflowUuid, data: {} }, { releaseUuid: play.deployedRelease!.uuid, data: {} }]) {
      const refused = await request.post("/api/v1/orchestration/runs", { data: body });
      expect(refused.status()).toBe(400);
      expect((await refused.json()).reason).toBe("playNotCompatible");
    }
    const testRun = await request.post(`/api/v1/orchestration/workflows/${play.workflowUuid}/testRun`, { data: { data: { name: "Ada" } } });
    expect(testRun.status(), await testRun.text()).toBe(200);
    const inUse = await request.delete(`/api/v1/segmentation/segments/${segment.uuid}`);
    expect(inUse.status()).toBe(409);

    expect((await request.delete(`/api/v1/orchestration/plays/${play.uuid}`)).status()).toBe(200);
    expect((await request.get(`/api/v1/orchestration/plays/${play.uuid}`)).status()).toBe(404);
    expect((await request.delete(`/api/v1/segmentation/segments/${segment.uuid}`)).status()).toBe(200);
  });
});

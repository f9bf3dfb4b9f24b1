import type { APIRequestContext, APIResponse } from "@playwright/test";
import { ApiErrorResponseBody, AuditLogResponseBody, type Model, type ModelSync } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { E2E_APP_PORT } from "../ports";
import { graph } from "../runs/support";

let counter = 0;
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${counter++}`;

/** The body of a request that must answer 200. */
async function ok<T>(response: Promise<APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(200);
  return answer.json() as Promise<T>;
}

async function demoConnector(request: APIRequestContext): Promise<string> {
  const created = await request.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: unique("records"), name: "Demo CRM", config: { apiKey: "demo-api-key", region: "eu" } },
  });
  expect(created.status(), await created.text()).toBe(200);
  return (await created.json()).connector.uuid;
}

async function syncedModel(request: APIRequestContext, objectType = "companies"): Promise<Model> {
  const connectorUuid = await demoConnector(request);
  const created = await request.post("/api/v1/storage/models", {
    data: { name: unique("Companies"), extractor: { connectorUuid, extractorSlug: "records", config: { objectType, pageSize: 25 } } },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { model } = (await created.json()) as { model: Model };
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/storage/models/${model.uuid}/syncs/list`)).json()) as { syncs: ModelSync[] }).syncs[0]?.status, {
      timeout: 20_000,
    })
    .toBe("success");
  return (await (await request.get(`/api/v1/storage/models/${model.uuid}`)).json()).model;
}

test.describe("records API", () => {
  test("an extractor's model: preview, create, sync, fetch with a filter and a sort", async ({ request }) => {
    const connectorUuid = await demoConnector(request);
    const preview = await request.post("/api/v1/storage/extractors/preview", {
      data: { connectorUuid, extractorSlug: "records", config: { objectType: "companies", pageSize: 5 } },
    });
    expect(preview.status(), await preview.text()).toBe(200);
    const previewed = await preview.json();
    expect(previewed.count).toBeGreaterThan(5);
    expect(previewed.records).toHaveLength(5);
    expect(previewed).toMatchObject({ idColumnSlug: "id", titleColumnSlug: "name" });

    const model = await syncedModel(request);
    expect(model.recordsCount).toBe(previewed.count);
    expect(model.lastSync).toMatchObject({ status: "success", addedCount: previewed.count });

    const big = await request.post("/api/v1/segmentation/segments/fetch", {
      data: {
        modelUuid: model.uuid,
        filter: { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "number", columnSlug: "employeeCount", operator: "greaterThan", value: 1000 }] }] },
        sort: [{ columnSlug: "employeeCount", kind: "desc" }],
        limit: 3,
      },
    });
    expect(big.status(), await big.text()).toBe(200);
    const { records, count } = await big.json();
    expect(count).toBeLessThan(model.recordsCount);
    expect(records.length).toBe(Math.min(3, count));
    for (const record of records) expect(record.employeeCount).toBeGreaterThan(1000);
    const sizes = records.map((record: { employeeCount: number }) => record.employeeCount);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  test("a mistyped filter is a 400 naming the field, not an empty result", async ({ request }) => {
    const model = await syncedModel(request);
    const typo = await request.post("/api/v1/segmentation/segments/fetch", { data: { modelUuid: model.uuid, filter: { conjunction: "and", groups: [] } } });
    expect(typo.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await typo.json()).errorMessage).toContain("conjunction");

    const unknownColumn = await request.post("/api/v1/segmentation/segments", {
      data: {
        modelUuid: model.uuid,
        name: "Bad",
        filter: { conjonction: "or", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "contry", operator: "is", values: "France" }] }] },
      },
    });
    expect(unknownColumn.status()).toBe(400);
    const body = ApiErrorResponseBody.parse(await unknownColumn.json());
    expect(body.errorMessage).toContain("contry");
    expect(body.problems?.[0]?.path).toBe("filter.groups[0].conditions[0].columnSlug");
  });

  test("segments: create, list, update, remove", async ({ request }) => {
    const model = await syncedModel(request);
    const filter = { conjonction: "and", groups: [{ conjonction: "or", conditions: [{ kind: "string", columnSlug: "name", operator: "contains", values: ["a"] }] }] };
    const created = await request.post("/api/v1/segmentation/segments", { data: { modelUuid: model.uuid, name: "With an a", filter } });
    expect(created.status(), await created.text()).toBe(200);
    const { segment } = await created.json();
    const listed = await (await request.get(`/api/v1/segmentation/segments/list?modelUuid=${model.uuid}`)).json();
    expect(listed.segments.map((s: { uuid: string }) => s.uuid)).toEqual([segment.uuid]);
    const renamed = await request.put(`/api/v1/segmentation/segments/${segment.uuid}`, { data: { name: "Renamed" } });
    expect((await renamed.json()).segment).toMatchObject({ name: "Renamed", filter });
    expect((await request.delete(`/api/v1/segmentation/segments/${segment.uuid}`)).status()).toBe(200);
    expect((await request.get(`/api/v1/segmentation/segments/${segment.uuid}`)).status()).toBe(404);
  });

  test("a second sync of unchanged data adds and updates nothing; removing the model removes its records", async ({ request }) => {
    const model = await syncedModel(request, "deals");
    const again = await request.post(`/api/v1/storage/models/${model.uuid}/sync`);
    expect(again.status()).toBe(200);
    await expect
      .poll(async () => ((await (await request.get(`/api/v1/storage/models/${model.uuid}/syncs/list`)).json()) as { syncs: ModelSync[] }).syncs[0], { timeout: 20_000 })
      .toMatchObject({ status: "success", addedCount: 0, updatedCount: 0, isResumed: true });
    expect((await request.delete(`/api/v1/storage/models/${model.uuid}`)).status()).toBe(200);
    expect((await request.get(`/api/v1/storage/models/${model.uuid}`)).status()).toBe(404);
    const gone = await request.post("/api/v1/segmentation/segments/fetch", { data: { modelUuid: model.uuid } });
    expect(gone.status()).toBe(404);
  });

  test("datasets, models, syncs, segments, files and batches are in the audit log, by uuid and name only", async ({ request }) => {
    const secretEmail = `${unique("audited")}@example.com`;
    const { dataset } = await ok<{ dataset: { uuid: string } }>(request.post("/api/v1/storage/datasets", { data: { name: unique("Audited") } }));
    const { file } = await ok<{ file: { uuid: string } }>(
      request.post("/api/v1/workspace/files", {
        headers: { origin: `http://127.0.0.1:${E2E_APP_PORT}` },
        multipart: { file: { name: "audited.csv", mimeType: "text/csv", buffer: Buffer.from(`id,email\np1,${secretEmail}\n`) } },
      }),
    );
    const { model } = await ok<{ model: Model }>(request.post("/api/v1/storage/models", { data: { name: unique("People"), datasetUuid: dataset.uuid, fileUuid: file.uuid } }));
    await ok(request.put(`/api/v1/storage/models/${model.uuid}`, { data: { name: "Renamed people" } }));
    const filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "email", operator: "contains", values: ["@"] }] }] };
    const { segment } = await ok<{ segment: { uuid: string } }>(request.post("/api/v1/segmentation/segments", { data: { modelUuid: model.uuid, name: "Everyone", filter } }));
    await ok(request.put(`/api/v1/segmentation/segments/${segment.uuid}`, { data: { name: "All of them" } }));
    await ok(request.delete(`/api/v1/segmentation/segments/${segment.uuid}`));
    await ok(request.delete(`/api/v1/storage/models/${model.uuid}`));

    const synced = await syncedModel(request);
    const { sync } = await ok<{ sync: ModelSync }>(request.post(`/api/v1/storage/models/${synced.uuid}/sync`));
    await ok(request.post(`/api/v1/storage/models/${synced.uuid}/syncs/${sync.uuid}/cancel`));

    const echo = graph({ slug: "start", kind: "native", actionSlug: "start", children: ["end"] }, { slug: "end", kind: "native", actionSlug: "end", config: { variables: [] } });
    const { batch } = await ok<{ batch: { uuid: string } }>(
      request.post("/api/v1/orchestration/batches", { data: { nodes: echo, data: { kind: "records", records: [{ id: "p1", email: secretEmail }] } } }),
    );
    await expect.poll(async () => (await ok<{ batch: { status: string } }>(request.get(`/api/v1/orchestration/batches/${batch.uuid}`))).batch.status).toBe("success");
    await ok(request.post(`/api/v1/orchestration/batches/${batch.uuid}/retryFailed`));
    await ok(request.post(`/api/v1/orchestration/batches/${batch.uuid}/cancel`));

    const { entries } = AuditLogResponseBody.parse(await ok(request.get("/api/v1/workspace/auditLog/list?limit=200")));
    const logged = (target: string) => entries.filter((entry) => entry.target === target).map((entry) => entry.action).sort();
    expect(logged(dataset.uuid)).toEqual(["dataset.created"]);
    expect(logged(file.uuid)).toEqual(["file.uploaded"]);
    expect(logged(model.uuid)).toEqual(["model.created", "model.removed", "model.updated"]);
    expect(logged(segment.uuid)).toEqual(["segment.created", "segment.removed", "segment.updated"]);
    expect(logged(synced.uuid)).toEqual(["model.created", "model.syncCancelled", "model.syncStarted"]);
    expect(logged(batch.uuid)).toEqual(["batch.cancelled", "batch.created", "batch.retried"]);
    const ours = entries.filter((entry) => [dataset.uuid, file.uuid, model.uuid, segment.uuid, synced.uuid, batch.uuid].includes(entry.target ?? ""));
    expect(ours.find((entry) => entry.action === "model.updated")?.details).toEqual({ name: "Renamed people", fields: ["name"] });
    expect(ours.find((entry) => entry.action === "model.syncCancelled")?.details).toEqual({ syncUuid: sync.uuid });
    expect(ours.find((entry) => entry.action === "batch.created")?.details).toEqual({ workflowUuid: null, dataKind: "records" });
    expect(JSON.stringify(ours)).not.toContain(secretEmail);
    expect(JSON.stringify(ours)).not.toContain("demo-api-key");
  });
});

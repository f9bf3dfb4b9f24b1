import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { closeDeps, createDeps, type Deps } from "../deps";
import { AppError } from "../errors";
import { uploadFile } from "../files";
import { createModel, startSync } from "./models";
import { fetchRecords } from "./segments";

// A model from an uploaded CSV: the real upload path, a real database (both dialects).
const ws = DEFAULT_WORKSPACE_UUID;
let deps: Deps;
let storage: TestStorage;

beforeAll(async () => {
  storage = await createTestStorage("relay-file-models-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: "", version: "test" });
});
afterAll(async () => {
  await closeDeps(deps);
  await storage.cleanup();
});

async function upload(csv: string) {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), "people.csv");
  return uploadFile(deps, ws, new Request("http://localhost/api/v1/workspace/files", { method: "POST", body: form }));
}

const all = async (modelUuid: string) =>
  (await fetchRecords(deps, ws, { modelUuid, filter: { conjonction: "and", groups: [] }, sort: [], limit: 1000, offset: 0 })).records;

describe("models from a file", () => {
  it("imports every good row with typed values, keyed by the file's id column", async () => {
    const file = await upload("id,Name,Age,Active\nu2,Ada,36,true\nu1,Grace,45,false\nbad,row\nu3,Linus,,true\n");
    expect(file).toMatchObject({ rowsCount: 3, rowErrorsCount: 1 });
    const model = await createModel(deps, ws, { name: "People", fileUuid: file.uuid });
    expect(model).toMatchObject({ idColumnSlug: "id", titleColumnSlug: "name", recordsCount: 3, extractor: null, fileUuid: file.uuid });
    expect(await all(model.uuid)).toEqual([
      { id: "u1", name: "Grace", age: 45, active: false },
      { id: "u2", name: "Ada", age: 36, active: true },
      { id: "u3", name: "Linus", age: null, active: true },
    ]);
    const older = await fetchRecords(deps, ws, {
      modelUuid: model.uuid,
      filter: { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ kind: "number", columnSlug: "age", operator: "greaterThan", value: 40 }] }] },
      sort: [],
      limit: 10,
      offset: 0,
    });
    expect(older).toEqual({ records: [{ id: "u1", name: "Grace", age: 45, active: false }], count: 1 });
  });

  it("numbers the rows when the file has no id column, and cannot be synced", async () => {
    const file = await upload("Company,Country\nAcme,FR\nGlobex,US\n");
    const model = await createModel(deps, ws, { name: "Companies", fileUuid: file.uuid });
    expect(model.idColumnSlug).toBe("_row");
    expect(model.columns[0]).toMatchObject({ slug: "_row", type: "number" });
    expect(await all(model.uuid)).toEqual([
      { _row: 1, company: "Acme", country: "FR" },
      { _row: 2, company: "Globex", country: "US" },
    ]);
    await expect(startSync(deps, ws, model.uuid)).rejects.toThrow(AppError);
  });

  it("answers 404 for a file of no one", async () => {
    await expect(createModel(deps, ws, { name: "Ghost", fileUuid: "00000000-0000-4000-8000-00000000dead" })).rejects.toMatchObject({ code: "not_found:file" });
  });
});

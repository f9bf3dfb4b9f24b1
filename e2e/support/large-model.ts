import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { FetchRecordsRequestBody, Model } from "@/lib/contract";
import { E2E_APP_PORT } from "../ports";

/**
 * A model of `count` records made through the real API: a generated CSV uploaded to
 * `/workspace/files` and imported (ids `rec_000000`…, so record id order is row order; names
 * `Record N`; a number, a boolean and a date column).
 */
export async function createLargeModel(request: APIRequestContext, count: number): Promise<Model> {
  const lines = ["id,name,score,active,seenAt"];
  for (let index = 0; index < count; index++) {
    const seenAt = new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString();
    lines.push(`rec_${String(index).padStart(6, "0")},Record ${index},${(index * 7919) % 1000},${index % 3 === 0},${seenAt}`);
  }
  const upload = await request.post("/api/v1/workspace/files", {
    headers: { origin: `http://127.0.0.1:${E2E_APP_PORT}` },
    multipart: { file: { name: "large.csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\n")}\n`) } },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const { file } = await upload.json();
  expect(file.rowsCount).toBe(count);
  const created = await request.post("/api/v1/storage/models", { data: { name: `A hundred thousand rows ${Date.now().toString(36)}`, fileUuid: file.uuid }, timeout: 120_000 });
  expect(created.status(), await created.text()).toBe(200);
  return (await created.json()).model as Model;
}

/** Every `segments/fetch` the page sends, as sent. */
export function recordFetches(page: Page): FetchRecordsRequestBody[] {
  const fetches: FetchRecordsRequestBody[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/segmentation/segments/fetch") fetches.push(request.postDataJSON());
  });
  return fetches;
}

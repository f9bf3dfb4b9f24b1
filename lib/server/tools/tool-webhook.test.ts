import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Tool } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createTestStorage, type TestStorage } from "@/lib/db/testing/test-storage";
import { closeDeps, createDeps, type Deps } from "../deps";
import { deployedTool } from "../testing/tools";
import { signWebhook } from "../webhooks/signature";
import { disableToolWebhook, receiveToolWebhook, rotateToolWebhook } from ".";

const ws = DEFAULT_WORKSPACE_UUID;
let storage: TestStorage;
let deps: Deps;
let tool: Tool;
let secret: string;
beforeEach(async () => {
  storage = await createTestStorage("tool-webhooks-");
  deps = await createDeps({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl, demoIntegrationUrl: "", version: "test" });
  tool = await deployedTool(deps);
  ({ secret } = await rotateToolWebhook(deps, ws, tool.uuid));
});
afterEach(async () => {
  await closeDeps(deps);
  await storage.cleanup();
});

const now = new Date("2026-03-01T12:00:00.000Z");
const body = JSON.stringify({ name: "Ada" });
/** A POST to the tool's webhook, signed with `key` at `signedAt`. */
const delivery = (key: string, { signedAt = now, uuid = tool.uuid, raw = body } = {}) =>
  new Request(`http://localhost:3000/api/v1/hooks/tools/${uuid}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-relay-signature": signWebhook(key, raw, signedAt) },
    body: raw,
  });
const receive = (request: Request, options: { wait?: boolean } = {}) => receiveToolWebhook(deps, request.url.split("/").pop()!, request, { now, ...options });
const runCount = async () => (await deps.db.runs.list({ workspaceUuid: ws, workflowUuid: tool.workflowUuid, limit: 50 })).length;

describe(`tool webhooks (${process.env.TEST_POSTGRES_URL ? "Postgres" : "SQLite"})`, () => {
  it("shows the secret once, keeps only its last characters in the tool, and enables the webhook", async () => {
    const { tool: enabled, secret } = await rotateToolWebhook(deps, ws, tool.uuid);
    expect(secret).toMatch(/^whsec_/);
    expect(enabled.webhook).toEqual({ enabled: true, url: `/api/v1/hooks/tools/${tool.uuid}`, secretHint: secret.slice(-4) });
    expect(JSON.stringify(enabled)).not.toContain(secret);
  });

  it("runs the deployed release with the body as the run's data when the signature is right", async () => {
    const answer = await receive(delivery(secret), { wait: true });
    expect(answer).toMatchObject({ run: { status: "success", data: { name: "Ada" }, output: { greeting: "Hello, Ada" }, releaseUuid: tool.deployedRelease!.uuid } });

    const quick = await receive(delivery(secret, { raw: JSON.stringify({ name: "Grace" }) }));
    expect(quick).toEqual({ runUuid: expect.any(String) });
    expect(await runCount()).toBe(2);
  });

  it("lets the sender retry a signed request whose run failed on our side; a body the form refuses stays used", async () => {
    // The database fails once while the run is created: a 500, and the same request goes through after.
    vi.spyOn(deps.runs.system, "createRun").mockRejectedValueOnce(new Error("connection lost"));
    await expect(receive(delivery(secret))).rejects.toThrow("connection lost");
    expect(await receive(delivery(secret))).toEqual({ runUuid: expect.any(String) });
    const refused = JSON.stringify({ count: "many" });
    await expect(receive(delivery(secret, { raw: refused }))).rejects.toMatchObject({ status: 400 });
    await expect(receive(delivery(secret, { raw: refused }))).rejects.toMatchObject({ status: 401 });
  });

  it("refuses with 401 and runs nothing: a wrong secret, an old time, a replay, an unknown tool, no signature", async () => {
    await receive(delivery(secret));
    expect(await runCount()).toBe(1);
    const refusals: Array<[string, Request]> = [
      ["wrong secret", delivery("whsec_not-the-secret-at-all")],
      ["old time", delivery(secret, { signedAt: new Date(now.getTime() - 6 * 60_000), raw: JSON.stringify({ name: "Old" }) })],
      ["replay", delivery(secret)],
      ["unknown tool", delivery(secret, { uuid: "00000000-0000-4000-8000-0000000000ff" })],
      ["no signature", new Request(`http://localhost:3000/api/v1/hooks/tools/${tool.uuid}`, { method: "POST", body })],
    ];
    for (const [what, request] of refusals) {
      await expect(receive(request), what).rejects.toMatchObject({ status: 401, code: "unauthorized:webhookSignature" });
    }
    expect(await runCount()).toBe(1);
  });

  it("stops taking the old secret once rotated, and every secret once disabled", async () => {
    const old = secret;
    ({ secret } = await rotateToolWebhook(deps, ws, tool.uuid));
    await expect(receive(delivery(old))).rejects.toMatchObject({ status: 401 });
    await disableToolWebhook(deps, ws, tool.uuid);
    await expect(receive(delivery(secret))).rejects.toMatchObject({ status: 401 });
    expect(await runCount()).toBe(0);
  });

  it("checks the body against the form once the signature is right (400, nothing run)", async () => {
    await expect(receive(delivery(secret, { raw: JSON.stringify({ count: 1 }) }))).rejects.toMatchObject({ status: 400 });
    await expect(receive(delivery(secret, { raw: "[1, 2]" }))).rejects.toMatchObject({ status: 400 });
    expect(await runCount()).toBe(0);
  });
});

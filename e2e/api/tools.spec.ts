import { createHmac } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { ApiErrorResponseBody, RunListResponseBody, RunResponseBody, ToolWebhookSecretResponseBody, type Tool } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { anonymous } from "../support/accounts";
import { createDeployedTool } from "../support/tools";

/**
 * The signature as a sender computes it, written here from the documented scheme rather than
 * imported from the server: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 */
const sign = (secret: string, body: string, at = new Date()) => {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
};

test.describe("tools API", () => {
  let tool: Tool;
  let secret: string;
  test.beforeEach(async ({ request }) => {
    tool = await createDeployedTool(request);
    const rotated = await request.post(`/api/v1/orchestration/tools/${tool.uuid}/webhook/rotate`);
    expect(rotated.status(), await rotated.text()).toBe(200);
    ({ secret } = ToolWebhookSecretResponseBody.parse(await rotated.json()));
    const again = await request.get(`/api/v1/orchestration/tools/${tool.uuid}`);
    expect(await again.text()).not.toContain(secret);
  });

  const runCount = async (request: APIRequestContext) =>
    RunListResponseBody.parse(await (await request.get(`/api/v1/orchestration/runs/list?workflowUuid=${tool.workflowUuid}`)).json()).runs.length;

  test("runs the deployed release from /run, checking the data against the form", async ({ request }) => {
    const bad = await request.post(`/api/v1/orchestration/tools/${tool.uuid}/run`, { data: { data: { count: "many" } } });
    expect(bad.status()).toBe(400);
    expect(ApiErrorResponseBody.parse(await bad.json()).problems?.map((problem) => problem.path).sort()).toEqual(["count", "name"]);

    const ran = await request.post(`/api/v1/orchestration/tools/${tool.uuid}/run?waitUntilFinished=true`, { data: { data: { name: "Ada" } } });
    expect(ran.status(), await ran.text()).toBe(200);
    expect(RunResponseBody.parse(await ran.json()).run).toMatchObject({ status: "success", output: { greeting: "Hello, Ada" }, releaseUuid: tool.deployedRelease!.uuid });
  });

  test("a correct signature runs it with the body as data; a wrong one, an old timestamp and a replay get 401 and run nothing", async ({ request }) => {
    const hooks = await anonymous();
    const url = `/api/v1/hooks/tools/${tool.uuid}`;
    const post = (body: string, signature: string | null, query = "") =>
      hooks.post(`${url}${query}`, { headers: { "content-type": "application/json", ...(signature && { "x-relay-signature": signature }) }, data: body });

    const body = JSON.stringify({ name: "Grace" });
    const signature = sign(secret, body);
    const ok = await post(body, signature, "?waitUntilFinished=true");
    expect(ok.status(), await ok.text()).toBe(200);
    expect(RunResponseBody.parse(await ok.json()).run).toMatchObject({ status: "success", data: { name: "Grace" }, output: { greeting: "Hello, Grace" } });
    const quick = await post(JSON.stringify({ name: "Linus" }), sign(secret, JSON.stringify({ name: "Linus" })));
    expect(await quick.json()).toEqual({ runUuid: expect.any(String) });
    expect(await runCount(request)).toBe(2);

    const other = JSON.stringify({ name: "Mallory" });
    const refusals: Array<[string, Promise<Awaited<ReturnType<typeof post>>>]> = [
      ["no signature", post(other, null)],
      ["wrong secret", post(other, sign("whsec_guessed", other))],
      ["body changed after signing", post(other, signature)],
      ["old timestamp", post(other, sign(secret, other, new Date(Date.now() - 6 * 60_000)))],
      ["replay", post(body, signature)],
      ["unknown tool", hooks.post(`/api/v1/hooks/tools/00000000-0000-4000-8000-0000000000ff`, { headers: { "content-type": "application/json", "x-relay-signature": sign(secret, other) }, data: other })],
    ];
    for (const [what, pending] of refusals) {
      const response = await pending;
      expect(response.status(), what).toBe(401);
      expect(ApiErrorResponseBody.parse(await response.json()).errorMessage, what).toBeTruthy();
    }
    expect(await runCount(request)).toBe(2);

    const disabled = await request.post(`/api/v1/orchestration/tools/${tool.uuid}/webhook/disable`);
    expect(disabled.status()).toBe(200);
    const fresh = JSON.stringify({ name: "After" });
    expect((await post(fresh, sign(secret, fresh))).status()).toBe(401);
    await hooks.dispose();
  });
});

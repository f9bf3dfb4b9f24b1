import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApiErrorResponseBody, BatchFinishedEvent, BatchResponseBody } from "@/lib/contract";
import { verifyWebhookSignature } from "@/lib/server/webhooks/signature";
import { expect, test } from "../fixtures";
import { getBatch, nameGraph, people } from "../support/batches";

/** A request the receiver got: its headers and its body exactly as sent. */
interface Delivery {
  headers: http.IncomingHttpHeaders;
  text: string;
}

const secret = "whsec_e2e-secret-0123456789";
let server: http.Server;
let receiverUrl: string;
const deliveries: Delivery[] = [];

// A webhook receiver on a loopback port (the app under test allows 127.0.0.1), answering 200.
test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, text: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/batch-finished`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.describe("batch webhook", () => {
  test("a batch with a webhookUrl is delivered, signed, once it ends; its answer says delivered and never holds the secret", async ({ request }) => {
    const created = await request.post("/api/v1/orchestration/batches", {
      data: { nodes: nameGraph("name"), data: { kind: "records", records: people(3) }, webhookUrl: receiverUrl, webhookSecret: secret },
    });
    expect(created.status(), await created.text()).toBe(200);
    const createdText = await created.text();
    expect(createdText).not.toContain(secret);
    const { batch } = BatchResponseBody.parse(JSON.parse(createdText));
    expect(batch.webhookUrl).toBe(receiverUrl);

    await expect.poll(async () => (await getBatch(request, batch.uuid)).webhook.status, { timeout: 20_000 }).toBe("delivered");
    const answered = await request.get(`/api/v1/orchestration/batches/${batch.uuid}`);
    expect(await answered.text()).not.toContain(secret);
    expect(BatchResponseBody.parse(await answered.json()).batch.webhook).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    expect(await (await request.get("/api/v1/orchestration/batches/list")).text()).not.toContain(secret);

    const mine = deliveries.filter((delivery) => delivery.text.includes(batch.uuid));
    expect(mine).toHaveLength(1);
    const [delivery] = mine;
    expect(delivery!.headers).toMatchObject({ "content-type": "application/json", "x-relay-event": "batch.finished" });
    expect(verifyWebhookSignature(secret, delivery!.text, delivery!.headers["x-relay-signature"] as string, new Date())).toMatchObject({ valid: true });
    const event = BatchFinishedEvent.parse(JSON.parse(delivery!.text));
    expect(event.batch).toMatchObject({ uuid: batch.uuid, status: "success", runsCount: 3, executedRunsCount: 3, webhookUrl: receiverUrl });
    expect(delivery!.text).not.toContain(secret);
  });

  test("a webhookUrl without a secret, or with a short one, is a 400 naming webhookSecret", async ({ request }) => {
    const base = { nodes: nameGraph("name"), data: { kind: "records", records: people(1) }, webhookUrl: receiverUrl };
    for (const data of [base, { ...base, webhookSecret: "too-short" }]) {
      const response = await request.post("/api/v1/orchestration/batches", { data });
      expect(response.status()).toBe(400);
      const body = ApiErrorResponseBody.parse(await response.json());
      expect(body.errorMessage).toContain("webhookSecret");
      expect(body.errorMessage).not.toContain("too-short");
    }
  });
});

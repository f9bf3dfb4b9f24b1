import { afterEach, describe, expect, it } from "vitest";
import { loopbackOutbound } from "../../testing/outbound";
import { reply, startTestServer, type TestServer } from "../../testing/test-server";
import type { NativeActionError } from "../native-action-error";
import { authenticateNative, runNativeAction } from "../sdk-run";
import { gmail, toBase64Url } from "./gmail";

const TOKEN = "ya29.secret-google-token";

const decodeRaw = (raw: string) => Buffer.from(raw.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");

describe("gmail", () => {
  let server: TestServer;
  afterEach(() => server?.close());

  const connectorConfig = () => ({ access_token: TOKEN, refresh_token: "1//refresh-secret", baseUrl: server.url });
  const send = (inputs: unknown) => runNativeAction(gmail, "gmail.sendEmail", { connectorConfig: connectorConfig(), inputs, workspaceUuid: "w", runId: "r", outbound: loopbackOutbound });
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a NativeActionError"), (error: unknown) => error as NativeActionError);

  it("gmail.sendEmail posts the RFC 2822 message as base64url `raw`, and returns Gmail's answer", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { id: "18c1", threadId: "18c1", labelIds: ["SENT"] }));
    const output = await send({ to: "ada@example.com", subject: "Hello", body: "Line 1\r\nLine 2 ✓" });
    expect(output).toEqual({ id: "18c1", threadId: "18c1", labelIds: ["SENT"] });

    const [request] = server.seen;
    expect(request).toMatchObject({ method: "POST", path: "/gmail/v1/users/me/messages/send" });
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    const { raw } = request!.body as { raw: string };
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRaw(raw)).toBe("To: ada@example.com\r\nSubject: Hello\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nLine 1\r\nLine 2 ✓");
  });

  it("a subject outside ASCII is sent as an RFC 2047 encoded word", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { id: "1" }));
    await send({ to: "ada@example.com", subject: "Café ☕", body: "" });
    const text = decodeRaw((server.seen[0]!.body as { raw: string }).raw);
    expect(text).toContain(`Subject: =?UTF-8?B?${Buffer.from("Café ☕").toString("base64")}?=\r\n`);
  });

  it("base64url has no padding and no + or /", () => {
    expect(toBase64Url("??>")).toBe("Pz8-");
    expect(toBase64Url("???")).toBe("Pz8_");
    expect(toBase64Url("a")).toBe("YQ");
  });

  it("a line break in a header field is refused, so inputs cannot add headers", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { id: "1" }));
    const error = await failure(send({ to: "ada@example.com\r\nBcc: eve@example.com", subject: "Hi", body: "" }));
    expect(error).toMatchObject({ kind: "invalidInputs" });
    expect(error.message).toContain("to: Must be a single line");
    expect(server.seen).toEqual([]);
  });

  it("a Google error answer becomes a providerError with `error.message`", async () => {
    server = await startTestServer((_request, res) =>
      reply(res, 403, { error: { code: 403, message: "Request had insufficient authentication scopes.", status: "PERMISSION_DENIED" } }),
    );
    const error = await failure(send({ to: "ada@example.com", subject: "Hi", body: "" }));
    expect(error).toMatchObject({ kind: "providerError", status: 403, message: "Gmail: Request had insufficient authentication scopes.", retryable: false });
  });

  it("authenticate reads the profile with the access token", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { emailAddress: "ada@example.com" }));
    expect(await authenticateNative(gmail, { connectorConfig: connectorConfig(), workspaceUuid: "w", outbound: loopbackOutbound })).toEqual({ outcome: "success", checked: true });
    expect(server.seen[0]).toMatchObject({ method: "GET", path: "/gmail/v1/users/me/profile" });
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});

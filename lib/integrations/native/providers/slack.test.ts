import { afterEach, describe, expect, it } from "vitest";
import { loopbackOutbound } from "../../testing/outbound";
import { reply, startTestServer, type TestServer } from "../../testing/test-server";
import { NativeActionError } from "../native-action-error";
import { authenticateNative, runNativeAction } from "../sdk-run";
import { slack } from "./slack";

const TOKEN = "xoxb-secret-slack-token";

describe("slack", () => {
  let server: TestServer;
  afterEach(() => server?.close());

  const connectorConfig = () => ({ access_token: TOKEN, baseUrl: server.url });
  const send = (inputs: unknown) => runNativeAction(slack, "slack.sendMessage", { connectorConfig: connectorConfig(), inputs, workspaceUuid: "w", runId: "r", outbound: loopbackOutbound });
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a NativeActionError"), (error: unknown) => error as NativeActionError);

  it("slack.sendMessage posts channel and text with the bearer token, and returns Slack's answer", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { ok: true, channel: "C024BE91L", ts: "1503435956.000247", message: { text: "Hi" } }));
    const output = await send({ channel: "#general", text: "Hi" });
    expect(output).toEqual({ ok: true, channel: "C024BE91L", ts: "1503435956.000247", message: { text: "Hi" } });
    const [request] = server.seen;
    expect(server.seen).toHaveLength(1);
    expect(request).toMatchObject({ method: "POST", path: "/api/chat.postMessage", body: { channel: "#general", text: "Hi" } });
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("an `ok: false` answer is a providerError carrying Slack's `error`, not worth retrying", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { ok: false, error: "channel_not_found" }));
    const error = await failure(send({ channel: "#nope", text: "Hi" }));
    expect(error).toBeInstanceOf(NativeActionError);
    expect(error).toMatchObject({ kind: "providerError", providerMessage: "channel_not_found", message: "Slack: channel_not_found", retryable: false });
  });

  it("an HTTP 503 that is not JSON is a retryable providerError with the status", async () => {
    server = await startTestServer((_request, res) => reply(res, 503, "<html>upstream down</html>"));
    const error = await failure(send({ channel: "#general", text: "Hi" }));
    expect(error).toMatchObject({ kind: "providerError", status: 503, message: "Slack: Slack request failed (HTTP 503)", retryable: true });
  });

  it("a token Slack echoes back never reaches the message", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { ok: false, error: `invalid_auth for ${TOKEN}` }));
    const error = await failure(send({ channel: "#general", text: "Hi" }));
    expect(error.message).not.toContain(TOKEN);
    expect(error.providerMessage).toBe("invalid_auth for ••••••••");
  });

  it("inputs that fail the schema are refused before any request", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { ok: true }));
    const error = await failure(send({ channel: "", text: "Hi" }));
    expect(error).toMatchObject({ kind: "invalidInputs", retryable: false });
    expect(error.message).toMatch(/^Invalid inputs for Send message: channel: /);
    expect(server.seen).toEqual([]);
  });

  it("authenticate calls auth.test and turns `invalid_auth` into an error outcome", async () => {
    let valid = true;
    server = await startTestServer((_request, res) => reply(res, 200, valid ? { ok: true, team: "T1" } : { ok: false, error: "invalid_auth" }));
    expect(await authenticateNative(slack, { connectorConfig: connectorConfig(), workspaceUuid: "w", outbound: loopbackOutbound })).toEqual({ outcome: "success", checked: true });
    expect(server.seen[0]).toMatchObject({ method: "POST", path: "/api/auth.test" });
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    valid = false;
    expect(await authenticateNative(slack, { connectorConfig: connectorConfig(), workspaceUuid: "w", outbound: loopbackOutbound })).toEqual({ outcome: "error", errorMessage: "Slack: invalid_auth" });
  });
});

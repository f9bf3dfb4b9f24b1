import { afterEach, describe, expect, it } from "vitest";
import { loopbackOutbound } from "../../testing/outbound";
import { reply, startTestServer, type TestServer } from "../../testing/test-server";
import type { NativeActionError } from "../native-action-error";
import { authenticateNative, runNativeAction } from "../sdk-run";
import { openai } from "./openai";

const KEY = "sk-test-secret-openai-key";

const completion = (content: string | null) => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  model: "gpt-4o-mini-2024-07-18",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
});

describe("openai", () => {
  let server: TestServer;
  afterEach(() => server?.close());

  const connectorConfig = () => ({ api_key: KEY, baseUrl: `${server.url}/` });
  const chat = (inputs: unknown) => runNativeAction(openai, "openai.chatCompletion", { connectorConfig: connectorConfig(), inputs, workspaceUuid: "w", runId: "r", outbound: loopbackOutbound });
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a NativeActionError"), (error: unknown) => error as NativeActionError);

  it("openai.chatCompletion sends the prompt to gpt-4o-mini by default, and adds `text` to the raw answer", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, completion("Paris.")));
    const output = await chat({ prompt: "Capital of France?" });
    expect(output).toEqual({ ...completion("Paris."), text: "Paris." });

    const [request] = server.seen;
    expect(request).toMatchObject({
      method: "POST",
      path: "/v1/chat/completions",
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: "Capital of France?" }] },
    });
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("uses the model the inputs name, and a reply without content gives empty text", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, completion(null)));
    const output = (await chat({ prompt: "Hi", model: "gpt-4.1" })) as { text: string };
    expect(output.text).toBe("");
    expect(server.seen[0]!.body).toMatchObject({ model: "gpt-4.1" });
  });

  it("an error answer becomes a providerError with `error.message`", async () => {
    server = await startTestServer((_request, res) =>
      reply(res, 401, { error: { message: "Incorrect API key provided: sk-test-***-key.", type: "invalid_request_error", code: "invalid_api_key" } }),
    );
    const error = await failure(chat({ prompt: "Hi" }));
    expect(error).toMatchObject({ kind: "providerError", status: 401, message: "OpenAI: Incorrect API key provided: sk-test-***-key.", retryable: false });
  });

  it("a 429 is worth retrying", async () => {
    server = await startTestServer((_request, res) => reply(res, 429, { error: { message: "Rate limit reached" } }));
    expect(await failure(chat({ prompt: "Hi" }))).toMatchObject({ kind: "providerError", status: 429, retryable: true });
  });

  it("an answer that is not a chat completion is a badResponse", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { unexpected: true }));
    const error = await failure(chat({ prompt: "Hi" }));
    expect(error.kind).toBe("badResponse");
    expect(error.message).toMatch(/^OpenAI's answer to Chat completion is not what the action expects: choices: /);
  });

  it("authenticate lists the models with the key", async () => {
    server = await startTestServer((_request, res) => reply(res, 200, { object: "list", data: [] }));
    expect(await authenticateNative(openai, { connectorConfig: connectorConfig(), workspaceUuid: "w", outbound: loopbackOutbound })).toEqual({ outcome: "success", checked: true });
    expect(server.seen[0]).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

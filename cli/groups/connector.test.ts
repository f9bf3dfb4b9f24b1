import { afterEach, describe, expect, it } from "vitest";
import { fakeRelay, json, readBody, runCli, type FakeRelay } from "../testing/fake-relay";

let relay: FakeRelay | undefined;
afterEach(() => relay?.close());

/** `connector test` against a Relay that answers the config it got with `answer`; also what it got. */
async function test(answer: object, config: string) {
  const received: unknown[] = [];
  relay = await fakeRelay({
    "POST /connection/connectors/test": async (response, _calls, request) => {
      received.push(JSON.parse(await readBody(request)));
      json(response, 200, answer);
    },
  });
  const result = await runCli(["connection", "connector", "test", "--integration-slug", "demo_crm", "--config", config], { RELAY_TOKEN: "relay_test", RELAY_BASE_URL: relay.baseUrl });
  return { ...result, received };
}

describe("connection connector test", () => {
  it("sends the config without saving it and exits 0 when the integration accepts it", async () => {
    const result = await test({ outcome: "success" }, '{"apiKey":"demo-api-key","region":"eu"}');
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({ outcome: "success" });
    expect(result.received).toEqual([{ integrationSlug: "demo_crm", config: { apiKey: "demo-api-key", region: "eu" } }]);
  });

  it("prints a refusal (answered 200) and exits 1, so `test && create` stops", async () => {
    const refusal = { outcome: "error", errorMessage: "Invalid API key: use demo-api-key" };
    const result = await test(refusal, '{"apiKey":"nope"}');
    expect(result).toEqual({ code: 1, stdout: `${JSON.stringify(refusal, null, 2)}\n`, stderr: "", received: [{ integrationSlug: "demo_crm", config: { apiKey: "nope" } }] });
  });
});

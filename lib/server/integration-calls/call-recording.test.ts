import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDACTED, type CustomIntegration, type Integration } from "@/lib/contract";
import type { NewIntegrationCall } from "@/lib/db";
import { createIntegrationClient } from "@/lib/integrations";
import { loopbackOutbound } from "@/lib/integrations/testing/outbound";
import { reply, startTestServer, type TestServer } from "@/lib/integrations/testing/test-server";
import { createCallRecording } from "./call-recording";

let server: TestServer;
beforeAll(async () => {
  // Answers every call with the body it got, as a careless server's error page would.
  server = await startTestServer((request, res) => reply(res, 200, request.path.endsWith("/completeOauth") ? { value: "tok-oauth-1" } : { outcome: "executed", data: { echo: request.body } }));
});
afterAll(() => server.close());

const form = (properties: Record<string, unknown>) => ({ jsonSchema: { type: "object", properties }, uiSchema: {} });
/** A manifest that marks no connector field secret (it dropped `format: "password"` since the connector was saved). */
const integration = {
  slug: "crm",
  connector: { config: form({ pin: { type: "string" } }) },
  actions: { send: { config: form({ smtpPassword: { type: "string", format: "password" }, to: { type: "string" } }) } },
  extractors: {},
} as unknown as Integration;

/** A recording over a store that keeps what it is given, and a client of the test server observed by it. */
function setup(baseUrl: string) {
  const written: NewIntegrationCall[] = [];
  const recording = createCallRecording({ insertMany: async (calls) => void written.push(...calls) });
  const custom = { uuid: "00000000-0000-4000-8000-00000000000a", workspaceUuid: "00000000-0000-4000-8000-000000000001", slug: "crm", baseUrl } as CustomIntegration;
  const client = createIntegrationClient({ baseUrl, layout: "seed", outbound: loopbackOutbound, onCall: recording.forClient(integration, custom) });
  return { client, recording, written };
}

describe("the request inspector's recording of a client's calls", () => {
  it("hides the OAuth code and token of a server whose base URL is written otherwise than its calls' URLs", async () => {
    // Scheme in capitals and a path prefix: the URL the client makes does not start with it.
    const { client, recording, written } = setup(`${server.url.replace("http:", "HTTP:")}/Legacy`);
    await client.completeOauth("oauth-code-2", "http://app/cb");
    await recording.flush(1_000);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ endpoint: "/completeOauth", url: `${server.url}/Legacy/completeOauth` });
    expect(JSON.stringify(written)).not.toMatch(/oauth-code-2|tok-oauth-1/);
  });

  it("hides the fields sealed secret with the connector though its manifest no longer marks them, and the action's own", async () => {
    const { client, recording, written } = setup(server.url);
    const connector = { uuid: "00000000-0000-4000-8000-00000000000c", workspaceUuid: "00000000-0000-4000-8000-000000000001", config: { pin: "sealed-pin-3" }, secretPaths: [["pin"]] };
    await client.executeAction(connector, "send", { smtpPassword: "smtp-pw-4", to: "ann@example.com" }).catch(() => undefined);
    await recording.flush(1_000);
    const text = JSON.stringify(written);
    expect(text).not.toMatch(/sealed-pin-3|smtp-pw-4/);
    expect(JSON.parse(written[0]!.requestBody!).actionConfig).toEqual({ smtpPassword: REDACTED, to: "ann@example.com" });
  });
});

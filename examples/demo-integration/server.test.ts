import { afterEach, describe, expect, it } from "vitest";
import { startDemoIntegrationServer, type RunningDemoIntegrationServer } from "./server";
import { VALID_CONNECTOR, type Json } from "./test-helpers";

describe("startDemoIntegrationServer", () => {
  let server: RunningDemoIntegrationServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("serves the contract over real HTTP on a free port and logs without bodies", async () => {
    const lines: string[] = [];
    server = await startDemoIntegrationServer({ port: 0, log: (line) => lines.push(line) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const manifest = await fetch(`${server.url}/manifest`);
    expect(manifest.status).toBe(200);
    const body: Json = await manifest.json();
    expect(body.name).toBe("Demo CRM");
    expect(body.connector.config.uiSchema.oauthToken["ui:options"].authorizeUrl).toBe(`${server.url}/oauth/authorize`);

    const executed = await fetch(`${server.url}/actions/lookupRecord/execute?trace=secret`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "http-1" },
      body: JSON.stringify({ connectorConfig: VALID_CONNECTOR, actionConfig: { objectType: "contacts", id: "con_003" } }),
    });
    expect(executed.status).toBe(200);
    expect(await executed.json()).toMatchObject({ outcome: "executed", childIndex: 0, data: { record: { id: "con_003" } } });

    expect(lines[0]).toMatch(/^GET \/manifest 200 \d+ms$/);
    expect(lines[1]).toMatch(/^POST \/actions\/lookupRecord\/execute 200 \d+ms$/);
    expect(lines.join("\n")).not.toMatch(/demo-api-key|secret/);
  });

  it("answers 413 to an oversized body", async () => {
    server = await startDemoIntegrationServer({ port: 0 });
    const response = await fetch(`${server.url}/authenticate`, { method: "POST", body: "x".repeat(1_000_001) });
    expect(response.status).toBe(413);
  });
});

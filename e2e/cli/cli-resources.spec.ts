import { writeFile } from "node:fs/promises";
import {
  ApiTokenListResponseBody,
  AuditLogResponseBody,
  ConnectorListResponseBody,
  ConnectorResponseBody,
  CustomIntegrationListResponseBody,
  IntegrationListResponseBody,
  IntegrationResponseBody,
  MemberListResponseBody,
  PlayResponseBody,
} from "@/lib/contract";
import { expect, test } from "../fixtures";
import { E2E_DEMO_URL } from "../ports";
import { createToken } from "../support/accounts";
import { createWorkflow, uniqueName } from "../runs/support";
import { loggedIn, MISSING, RelayCli } from "./relay-cli";

test.describe("relay CLI: connection, storage and segmentation", () => {
  // Each command is a process of its own (about half a second), and these tests run dozens.
  test.describe.configure({ timeout: 120_000 });
  test.afterAll(() => RelayCli.removeFolders());

  test("connection: integrations, the native integration, connectors and custom integrations", async ({ request }) => {
    const cli = await loggedIn(request);
    const listed = IntegrationListResponseBody.parse(await cli.json("connection", "integration", "list", "--has-actions", "true", "--search", "demo"));
    expect(listed.integrations.map((integration) => integration.slug)).toContain("demo_crm");
    const demo = IntegrationResponseBody.parse(await cli.json("connection", "integration", "get", "demo_crm"));
    expect(Object.keys(demo.integration.actions)).toContain("createRecord");
    expect(await cli.json("connection", "integration", "get-documentation", "--slug", "demo_crm")).toEqual({ documentation: expect.stringContaining("# Demo CRM") });
    expect(await cli.json("connection", "native-integration", "get")).toMatchObject({ nativeIntegration: { actions: expect.objectContaining({ start: expect.anything() }) } });

    const slug = `cli_${Date.now().toString(36)}`;
    const configFile = cli.file("demo-config.json");
    await writeFile(configFile, JSON.stringify({ apiKey: "demo-api-key", region: "eu" }));
    const { connector } = ConnectorResponseBody.parse(
      await cli.json("connection", "connector", "create", "--integration-slug", "demo_crm", "--slug", slug, "--name", "CLI demo", "--config", `@${configFile}`),
    );
    expect(connector).toMatchObject({ slug, name: "CLI demo", config: { apiKey: "••••••••", region: "eu" } });
    expect(await cli.json("connection", "connector", "exists-by-slug", "--slug", slug)).toEqual({ exists: true });
    const list = ConnectorListResponseBody.parse(await cli.json("connection", "connector", "list", "--integration-slug", "demo_crm"));
    expect(list.connectors.map((listed) => listed.uuid)).toContain(connector.uuid);
    const renamed = ConnectorResponseBody.parse(await cli.json("connection", "connector", "update", "--uuid", connector.uuid, "--name", "CLI demo (renamed)"));
    expect(renamed.connector.name).toBe("CLI demo (renamed)");
    expect(ConnectorResponseBody.parse(await cli.json("connection", "connector", "get", connector.uuid)).connector.name).toBe("CLI demo (renamed)");
    const objects = await cli.json("connection", "connector", "autocomplete", "--connector-uuid", connector.uuid, "--slug", "listObjects", "--params", "{}");
    expect(objects).toMatchObject({ results: expect.arrayContaining([expect.objectContaining({ value: "contacts" })]) });

    expect(
      await cli.json("connection", "connector", "dynamic-schema", "--connector-uuid", connector.uuid, "--slug", "recordFields", "--params", '{"objectType":"contacts"}'),
    ).toMatchObject({ jsonSchema: { type: "object", properties: expect.any(Object) } });
    expect(await cli.json("connection", "connector", "list-users", connector.uuid)).toEqual({ users: expect.arrayContaining([expect.objectContaining({ id: expect.any(String) })]) });

    // A config the integration refuses is answered 200 with the reason: printed, and exit code 1.
    const tested = await cli.run("connection", "connector", "test", "--integration-slug", "demo_crm", "--config", '{"apiKey":"nope","region":"eu"}');
    expect(tested).toMatchObject({ code: 1, stderr: "" });
    expect(JSON.parse(tested.stdout)).toEqual({ outcome: "error", errorMessage: "Invalid API key: use demo-api-key" });
    const refused = await cli.fails("connection", "connector", "create", "--integration-slug", "demo_crm", "--slug", `${slug}_x`, "--name", "Wrong", "--config", '{"apiKey":"nope","region":"eu"}');
    expect(refused).toMatchObject({ errorMessage: "Invalid API key: use demo-api-key", reason: "unauthenticated", status: 422 });
    expect(await cli.json("connection", "connector", "remove", connector.uuid)).toEqual({});
    expect(await cli.fails("connection", "connector", "get", connector.uuid)).toMatchObject({ status: 404 });

    const custom = CustomIntegrationListResponseBody.parse(await cli.json("connection", "custom-integration", "list"));
    const registered = custom.customIntegrations.find((integration) => integration.baseUrl.replace(/\/$/, "") === E2E_DEMO_URL);
    expect(registered).toBeDefined();
    expect(await cli.json("connection", "custom-integration", "get", registered!.uuid)).toMatchObject({ customIntegration: { uuid: registered!.uuid } });
    expect(await cli.json("connection", "custom-integration", "refresh", "--uuid", registered!.uuid)).toMatchObject({ customIntegration: { uuid: registered!.uuid } });
    expect((await cli.fails("connection", "custom-integration", "get", MISSING)).status).toBe(404);
  });

  test("storage and segmentation: datasets, a CSV uploaded, models, segments, fetching records and a play on a segment", async ({ request }) => {
    const cli = await loggedIn(request);
    const { dataset } = (await cli.json("storage", "dataset", "create", "--name", uniqueName("CLI dataset"))) as { dataset: { uuid: string } };
    expect(await cli.json("storage", "dataset", "list")).toMatchObject({ datasets: expect.arrayContaining([expect.objectContaining({ uuid: dataset.uuid })]) });

    const csv = cli.file("people.csv");
    await writeFile(csv, "id,name,country\n1,Ada,FR\n2,Bob,US\n3,Cy,FR\n");
    const { file } = (await cli.json("storage", "file", "upload", csv)) as { file: { uuid: string; name: string } };
    expect(file.name).toBe("people.csv");
    const fileUuid = file.uuid;
    const { model } = (await cli.json("storage", "model", "create", "--name", uniqueName("CLI people"), "--file-uuid", fileUuid, "--dataset-uuid", dataset.uuid)) as {
      model: { uuid: string; name: string };
    };
    expect(await cli.json("storage", "model", "list", "--dataset-uuid", dataset.uuid)).toMatchObject({ models: [{ uuid: model.uuid }] });
    expect(await cli.json("storage", "model", "update", model.uuid, "--name", "CLI people (renamed)")).toMatchObject({ model: { name: "CLI people (renamed)" } });
    expect(await cli.json("storage", "model", "get", model.uuid)).toMatchObject({ model: { uuid: model.uuid, name: "CLI people (renamed)" } });

    const filter = { conjonction: "and", groups: [{ conjonction: "and", conditions: [{ columnSlug: "country", kind: "string", operator: "is", values: ["FR"] }] }] };
    const filterFile = cli.file("filter.json");
    await writeFile(filterFile, JSON.stringify(filter));
    const fetched = (await cli.json("segmentation", "segment", "fetch", "--model-uuid", model.uuid, "--filter", `@${filterFile}`, "--fetching-limit", "10")) as { count: number };
    expect(fetched.count).toBe(2);

    const { segment } = (await cli.json("segmentation", "segment", "create", "--model-uuid", model.uuid, "--name", "French", "--filter", `@${filterFile}`)) as { segment: { uuid: string } };
    expect(await cli.json("segmentation", "segment", "list", "--model-uuid", model.uuid)).toMatchObject({ segments: [{ uuid: segment.uuid, name: "French" }] });
    expect(await cli.json("segmentation", "segment", "update", "--uuid", segment.uuid, "--name", "FR")).toMatchObject({ segment: { name: "FR" } });
    expect(await cli.json("segmentation", "segment", "get", segment.uuid)).toMatchObject({ segment: { name: "FR", filter } });
    expect(await cli.json("segmentation", "segment", "fetch", "--segment-uuid", segment.uuid)).toMatchObject({ count: 2 });

    const { uuid: workflowUuid } = await createWorkflow(request, uniqueName("CLI play"));
    const { play } = PlayResponseBody.parse(
      await cli.json(
        ...["orchestration", "play", "create", "--workflow-uuid", workflowUuid, "--name", "French leads", "--model-uuid", model.uuid, "--segment-uuid", segment.uuid],
        ...["--change-kinds", "added,updated", "--run-creation-rule", "once", "--cron", "0 8 * * 1", "--health-threshold", "0.5", "--is-enabled", "false"],
      ),
    );
    const settings = { changeKinds: ["added", "updated"], runCreationRule: "once", isEnabled: false, healthThreshold: 0.5 };
    expect(play).toMatchObject({ workflowUuid, modelUuid: model.uuid, segmentUuid: segment.uuid, ...settings, schedule: { type: "cron", cron: "0 8 * * 1" } });
    expect(PlayResponseBody.parse(await cli.json("orchestration", "play", "get", play.uuid)).play).toMatchObject({ uuid: play.uuid, name: "French leads", ...settings });
    const updated = PlayResponseBody.parse(await cli.json("orchestration", "play", "update", play.uuid, "--schedule", "null", "--health-threshold", "null", "--name", "FR leads"));
    expect(updated.play).toMatchObject({ name: "FR leads", schedule: null, healthThreshold: null, changeKinds: ["added", "updated"] });
    expect(await cli.json("orchestration", "play", "remove", play.uuid)).toMatchObject({ play: { uuid: play.uuid } });
    expect(await cli.json("segmentation", "segment", "remove", segment.uuid)).toEqual({});
    expect(await cli.json("storage", "model", "remove", model.uuid)).toEqual({});
    expect((await cli.fails("storage", "model", "get", model.uuid)).status).toBe(404);
  });

  test("workspace: members, API tokens listed (never the token) and revoked, the audit log", async ({ request }) => {
    const cli = await loggedIn(request);
    const { members } = MemberListResponseBody.parse(await cli.json("workspace", "member", "list"));
    expect(members).toContainEqual(expect.objectContaining({ role: "owner" }));

    const name = uniqueName("cli revoked");
    const other = await createToken(request, name);
    const listed = await cli.run("workspace", "token", "list");
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(other.token);
    expect(ApiTokenListResponseBody.parse(JSON.parse(listed.stdout)).apiTokens).toContainEqual(expect.objectContaining({ uuid: other.uuid, name, revokedAt: null }));
    expect(await cli.json("workspace", "token", "revoke", other.uuid)).toMatchObject({ apiToken: { uuid: other.uuid, revokedAt: expect.any(String) } });
    const { entries } = AuditLogResponseBody.parse(await cli.json("workspace", "audit", "list", "--limit", "50"));
    expect(entries).toContainEqual(expect.objectContaining({ action: "apiToken.revoked", target: name }));
  });
});

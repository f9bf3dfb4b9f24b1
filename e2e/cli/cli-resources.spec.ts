import { writeFile } from "node:fs/promises";
import {
  ConnectorListResponseBody,
  ConnectorResponseBody,
  CustomIntegrationListResponseBody,
  IntegrationListResponseBody,
  IntegrationResponseBody,
} from "@/lib/contract";
import { expect, test } from "../fixtures";
import { E2E_DEMO_URL } from "../ports";
import { APP } from "../support/accounts";
import { uniqueName } from "../runs/support";
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

  test("storage and segmentation: datasets, models, segments and fetching records", async ({ request }) => {
    const cli = await loggedIn(request);
    const { dataset } = (await cli.json("storage", "dataset", "create", "--name", uniqueName("CLI dataset"))) as { dataset: { uuid: string } };
    expect(await cli.json("storage", "dataset", "list")).toMatchObject({ datasets: expect.arrayContaining([expect.objectContaining({ uuid: dataset.uuid })]) });

    const upload = await request.post("/api/v1/workspace/files", {
      headers: { origin: APP },
      multipart: { file: { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("id,name,country\n1,Ada,FR\n2,Bob,US\n3,Cy,FR\n") } },
    });
    expect(upload.status(), await upload.text()).toBe(200);
    const fileUuid = (await upload.json()).file.uuid as string;
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
    expect(await cli.json("segmentation", "segment", "remove", segment.uuid)).toEqual({});
    expect(await cli.json("storage", "model", "remove", model.uuid)).toEqual({});
    expect((await cli.fails("storage", "model", "get", model.uuid)).status).toBe(404);
  });
});

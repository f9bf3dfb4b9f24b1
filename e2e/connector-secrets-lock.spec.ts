import { ConnectorResponseBody, CustomIntegrationResponseBody } from "@/lib/contract";
import { expect, test } from "./fixtures";
import { fakeManifest, json, startFakeIntegration, type FakeIntegration } from "./support/fake-integration";

const BASE = "/api/v1/connection";
const unique = () => Date.now().toString(36);

/** An integration server that accepts one token. */
function crm(name: string, acceptedToken: string, overrides: Record<string, unknown> = {}) {
  return startFakeIntegration({
    "GET /manifest": (_req, _body, res) => json(res, 200, fakeManifest({ name, ...overrides })),
    "POST /authenticate": (_req, body, res) => {
      const token = (body as { connectorConfig?: { token?: string } }).connectorConfig?.token;
      json(res, 200, token === acceptedToken ? { outcome: "success" } : { outcome: "error", reason: "unauthenticated", errorMessage: "Unknown token" });
    },
  });
}

const connectorCalls = (server: FakeIntegration) => server.hits.filter((hit) => hit.path !== "/manifest");

test.describe("secrets stay where they were saved", () => {
  const servers: FakeIntegration[] = [];
  const registrations: string[] = [];
  test.afterEach(async ({ request }) => {
    for (const uuid of registrations.splice(0)) await request.delete(`${BASE}/customIntegrations/${uuid}`);
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  test("after the integration moves, its connector says so, sends nothing, and asks for the secret again", async ({ page, request }) => {
    const name = `Moving CRM ${unique()}`;
    const a = await crm(name, "token-for-a");
    const b = await crm(name, "token-for-b");
    servers.push(a, b);
    const registered = await request.post(`${BASE}/customIntegrations`, { data: { kind: "external", baseUrl: a.url } });
    const custom = CustomIntegrationResponseBody.parse(await registered.json()).customIntegration;
    registrations.push(custom.uuid);
    const connectorName = `CRM ${unique()}`;
    const created = await request.post(`${BASE}/connectors`, {
      data: { integrationSlug: custom.slug, slug: `crm_${unique()}`, name: connectorName, config: { token: "token-for-a" } },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { connector } = ConnectorResponseBody.parse(await created.json());
    expect((await request.put(`${BASE}/customIntegrations/${custom.uuid}`, { data: { baseUrl: b.url } })).status()).toBe(200);
    const host = new URL(b.url).host;

    await page.goto("/connectors");
    const row = page.getByRole("listitem", { name: connectorName });
    await expect(row.getByText("Secrets to re-enter")).toBeVisible();
    await expect(row).toContainText(`Re-enter the secrets: the integration moved to ${host}`);
    await row.getByRole("button", { name: "Re-test" }).click();
    await expect(row.getByRole("alert")).toContainText(`Re-enter the secrets of "${connectorName}"`);
    expect(connectorCalls(b)).toEqual([]);

    await row.getByRole("link", { name: "Re-enter secrets" }).click();
    await expect(page).toHaveURL(`/connectors/${connector.uuid}`);
    await expect(page.getByRole("alert").filter({ hasText: `Re-enter the secrets: the integration moved to ${host}` })).toContainText("Token");
    const token = page.getByLabel("Token");
    await expect(token).toHaveAttribute("type", "password");
    await expect(token).toHaveValue("");
    await token.fill("token-for-b");
    await page.getByRole("button", { name: "Save the new secrets" }).click();

    await expect(page).toHaveURL(/\/connectors$/);
    await expect(page.getByRole("listitem", { name: connectorName }).getByText("Connected")).toBeVisible();
    await expect(page.getByRole("listitem", { name: connectorName }).getByText("Secrets to re-enter")).toHaveCount(0);
    expect(connectorCalls(b).map((hit) => hit.path)).toEqual(["/authenticate"]);
  });

  test("a manifest's javascript: and data: addresses are refused with a message, never opened", async ({ page, request }) => {
    const name = `Sneaky CRM ${unique()}`;
    const server = await crm(name, "token", {
      url: "javascript:alert(document.cookie)",
      icon: "data:image/svg+xml,<svg/>",
      connector: {
        config: {
          jsonSchema: { type: "object", properties: { token: { type: "string", title: "Token" } } },
          uiSchema: { token: { "ui:widget": "OAuthWidget", "ui:options": { authorizeUrl: "javascript:alert(document.cookie)" } } },
        },
      },
    });
    servers.push(server);
    const registered = await request.post(`${BASE}/customIntegrations`, { data: { kind: "external", baseUrl: server.url } });
    expect(registered.status(), await registered.text()).toBe(200);
    const custom = CustomIntegrationResponseBody.parse(await registered.json()).customIntegration;
    registrations.push(custom.uuid);

    await page.goto(`/integrations/${custom.slug}`);
    await expect(page.getByText("The homepage link was refused: its address uses javascript:")).toBeVisible();
    await expect(page.getByText("The icon was refused: its address uses data:")).toBeVisible();
    await expect(page.locator('a[href^="javascript:"], img[src^="data:image/svg+xml,<svg"]')).toHaveCount(0);

    await page.goto(`/connectors/new?integration=${custom.slug}`);
    await expect(page.getByRole("alert").filter({ hasText: "The sign-in page was refused: its address uses javascript:" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Connect", exact: true })).toBeDisabled();
  });
});

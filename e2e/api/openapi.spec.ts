import { execFileSync } from "node:child_process";
import { ApiErrorResponseBody, ConnectorListResponseBody, HealthResponseBody, OpenApiDocument } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { APP, anonymous, createToken } from "../support/accounts";
import { screenshotBothThemes } from "../support/screenshots";

/** The API's route table as `METHOD /api/v1/path` (printed by a process that can load lib/server, as in auth.spec.ts). */
function routeTable(): string[] {
  const rows = JSON.parse(
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/support/api-routes.mts"], { encoding: "utf8" }),
  ) as Array<{ method: string; path: string }>;
  return rows.map(({ method, path }) => `${method} ${path}`).sort();
}

test.describe("the OpenAPI document", () => {
  test("is public JSON with an operation for every route of the table, under both bases", async () => {
    const stranger = await anonymous();
    const response = await stranger.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const doc = OpenApiDocument.parse(await response.json());
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers.map((server) => server.url)).toEqual(["/api/v1", "/v1"]);
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} /api/v1${path.replace(/\{([^}]+)\}/g, ":$1")}`))
      .sort();
    expect(documented).toEqual(routeTable());
    expect(doc.paths["/connection/connectors/{uuid}"]?.get?.parameters).toEqual([expect.objectContaining({ name: "uuid", in: "path", required: true })]);
    expect(await (await stranger.get("/v1/openapi.json")).json()).toEqual(doc);
  });
});

test.describe("the API under /v1", () => {
  test("answers health, a token's list and an unknown path exactly as /api/v1 does", async ({ request }) => {
    const stranger = await anonymous();
    const health = await stranger.get("/v1/health");
    expect(health.status()).toBe(200);
    expect(HealthResponseBody.parse(await health.json()).status).toBe("ok");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");

    const { token } = await createToken(request, "v1 alias");
    const withToken = await anonymous({ authorization: `Bearer ${token}` });
    const aliased = await withToken.get("/v1/connection/connectors/list");
    expect(aliased.status(), await aliased.text()).toBe(200);
    const canonical = await withToken.get("/api/v1/connection/connectors/list");
    expect(ConnectorListResponseBody.parse(await aliased.json())).toEqual(ConnectorListResponseBody.parse(await canonical.json()));
    expect((await stranger.get("/v1/connection/connectors/list")).status()).toBe(401);

    const missing = await stranger.get("/v1/nope");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/json");
    expect(ApiErrorResponseBody.parse(await missing.json()).errorMessage).toContain("/v1/nope");
    const wrongMethod = await stranger.fetch("/v1/health", { method: "DELETE" });
    expect(wrongMethod.status()).toBe(405);
  });

  test("refuses a cookie-authenticated write from another origin or as a form, as /api/v1 does", async ({ request }) => {
    for (const base of ["/api/v1", "/v1"]) {
      const crossOrigin = await request.post(`${base}/orchestration/workflows`, { data: { name: "Cross-site" }, headers: { origin: "http://evil.example" } });
      expect(crossOrigin.status(), base).toBe(403);
      expect(ApiErrorResponseBody.parse(await crossOrigin.json()).reason).toBe("crossSiteRequest");
      const formPost = await request.post(`${base}/orchestration/workflows`, { data: '{"name":"As a form"}', headers: { "content-type": "text/plain" } });
      expect(formPost.status(), base).toBe(403);
    }
    const ours = await request.post("/v1/orchestration/workflows", { data: { name: "Made under /v1" }, headers: { origin: APP } });
    expect(ours.status(), await ours.text()).toBe(200);
    const { workflow } = await ours.json();
    expect((await request.delete(`/v1/orchestration/workflows/${workflow.uuid}`)).status()).toBe(200);
  });
});

test.describe("the API reference page", () => {
  test("groups operations by area; the filter narrows them; an operation opens to its parameters, body and curl", async ({ page }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP });
    await page.goto("/api-reference");
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: "OpenAPI JSON" })).toHaveAttribute("href", "/api/v1/openapi.json");

    const operations = page.getByRole("button", { name: /^(GET|POST|PUT|DELETE) \// });
    const connectors = page.getByRole("list", { name: "Connectors operations" });
    await expect(connectors.getByRole("button", { name: /^GET \/connection\/connectors\/list: / })).toBeVisible();
    const total = await operations.count();
    expect(total).toBeGreaterThan(50);
    await screenshotBothThemes(page, page.locator("main"), "api-reference");

    const filter = page.getByRole("searchbox", { name: "Filter operations" });
    await filter.fill("existsBySlug");
    await expect(operations).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: `1 of ${total} operations` })).toBeVisible();
    const exists = page.getByRole("button", { name: /^GET \/connection\/connectors\/existsBySlug/ });
    await exists.focus();
    await page.keyboard.press("Enter");
    await expect(exists).toHaveAttribute("aria-expanded", "true");
    const details = page.getByRole("region", { name: "Details of GET /connection/connectors/existsBySlug" });
    const parameters = details.getByRole("table", { name: "Parameters of GET /connection/connectors/existsBySlug" });
    await expect(parameters.getByRole("rowheader")).toHaveText(/^slug\s*required$/);
    await expect(parameters.getByRole("cell").first()).toHaveText("query");
    const curl = details.getByLabel("curl example for GET /connection/connectors/existsBySlug");
    await expect(curl).toContainText(`curl -X GET '${APP}/api/v1/connection/connectors/existsBySlug?slug=<slug>'`);
    await expect(curl).toContainText("Authorization: Bearer $RELAY_API_TOKEN");
    await details.getByRole("button", { name: "Copy curl for GET /connection/connectors/existsBySlug" }).click();
    await expect(details.getByRole("button", { name: "Copy curl for GET /connection/connectors/existsBySlug" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await curl.textContent());

    await filter.fill("post connectors");
    const create = page.getByRole("button", { name: /^POST \/connection\/connectors: / });
    await create.click();
    const body = page.getByRole("group", { name: "Request body of POST /connection/connectors" });
    for (const field of ["integrationSlug", "slug", "name", "config"]) await expect(body.getByRole("listitem").filter({ hasText: field }).first()).toContainText("required");
    await expect(page.getByRole("region", { name: "Details of POST /connection/connectors" })).toContainText("admins and owners");
    await screenshotBothThemes(page, page.locator("main"), "api-reference-operation");

    await filter.fill("no such operation anywhere");
    await expect(page.getByRole("region", { name: "No operations match" })).toBeVisible();
    await page.getByRole("button", { name: "Clear the filter" }).click();
    await expect(operations).toHaveCount(total);
  });
});

import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { E2E_APP_PORT } from "./ports";
import { APP } from "./support/accounts";

/** A raw request, so the Host header can be anything (a browser or fetch would not let us). */
function rawGet(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: E2E_APP_PORT, path: pathname, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

test("pages carry the security headers", async ({ request }) => {
  for (const route of ["/integrations", "/login", "/api/v1/health"]) {
    const headers = (await request.get(route)).headers();
    expect(headers["content-security-policy"], route).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], route).toBe("nosniff");
    expect(headers["referrer-policy"], route).toBe("same-origin");
    expect(headers["x-frame-options"], route).toBe("DENY");
  }
});

test("a host this server is not served under is refused (DNS rebinding); localhost names pass", async () => {
  expect(await rawGet("/api/v1/health", "rebind.attacker.example")).toBe(403);
  expect(await rawGet("/integrations", `rebind.attacker.example:${E2E_APP_PORT}`)).toBe(403);
  expect(await rawGet("/api/v1/health", `localhost:${E2E_APP_PORT}`)).toBe(200);
  expect(await rawGet("/api/v1/health", `127.0.0.1:${E2E_APP_PORT}`)).toBe(200);
});

test("a body over 10 MB answers 413 and stores nothing", async ({ request }) => {
  const before = (await (await request.get("/api/v1/orchestration/workflows/list")).json()).workflows.length;
  const response = await request.post("/api/v1/orchestration/workflows", { data: { name: "huge", padding: "x".repeat(11 * 1024 * 1024) } });
  expect(response.status()).toBe(413);
  expect((await response.json()).errorMessage).toContain("limit");
  expect((await (await request.get("/api/v1/orchestration/workflows/list")).json()).workflows.length).toBe(before);
});

test("a page on another origin cannot make the signed-in browser change anything", async ({ page, request, demo }) => {
  // The attacker's page is on this same host, another port: the same site, so SameSite=Lax still
  // sends the session cookie; only the Origin check stands in the way.
  const payload = JSON.stringify({ action: { kind: "connector", integrationSlug: "demo_crm", actionSlug: "lookupRecord" }, data: {} });
  const attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><body>
      <form id="plain" method="POST" enctype="text/plain" action="${APP}/api/v1/connection/customIntegrations"><input name='{"kind":"external","baseUrl":"http://127.0.0.1:9/","x":"' value='"}'></form>
      <form id="urlencoded" method="POST" action="${APP}/api/v1/orchestration/workflows" target="_blank"><input name="name" value="planted"></form>
      <script>
        window.attack = async () => {
          const opts = { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(payload)} };
          await fetch("${APP}/api/v1/orchestration/actions/execute", opts).catch(() => {});
          await fetch("${APP}/api/v1/orchestration/runs", { ...opts, body: JSON.stringify({ nodes: [], data: {} }) }).catch(() => {});
          await fetch("${APP}/api/v1/orchestration/workflows", { ...opts, body: JSON.stringify({ name: "planted" }) }).catch(() => {});
          document.getElementById("urlencoded").submit();
        };
      </script></body></html>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  try {
    await demo.reset();
    const runsBefore = (await (await request.get("/api/v1/orchestration/runs/list?limit=100")).json()).runs.length;
    const integrationsBefore = (await (await request.get("/api/v1/connection/customIntegrations/list")).json()).customIntegrations.length;
    const seen: number[] = [];
    page.context().on("response", (response) => response.url().startsWith(APP) && response.request().method() === "POST" && seen.push(response.status()));

    await page.goto(origin);
    await page.evaluate(() => (window as unknown as { attack: () => Promise<void> }).attack());
    await Promise.all([page.waitForURL(`${APP}/**`), page.evaluate(() => (document.getElementById("plain") as HTMLFormElement).submit())]);
    await expect(page.locator("body")).toContainText("Refused");
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(4);

    expect(seen.every((status) => status === 403), `statuses ${seen.join(", ")}`).toBe(true);
    expect((await (await request.get("/api/v1/orchestration/runs/list?limit=100")).json()).runs.length).toBe(runsBefore);
    expect((await (await request.get("/api/v1/connection/customIntegrations/list")).json()).customIntegrations.length).toBe(integrationsBefore);
    const workflows = (await (await request.get("/api/v1/orchestration/workflows/list")).json()).workflows as Array<{ name: string }>;
    expect(workflows.filter((w) => w.name === "planted")).toEqual([]);
    expect(Object.values((await demo.stats()).calls).reduce((sum, n) => sum + n, 0)).toBe(0);
  } finally {
    attacker.close();
  }
});

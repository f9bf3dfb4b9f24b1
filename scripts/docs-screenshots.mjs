#!/usr/bin/env node
// Takes the README's screenshots from a running app: `node scripts/docs-screenshots.mjs http://localhost:3000`.
// Needs the demo integration registered (the default) and Debian's Chromium, and an owner's sign-in:
// RELAY_EMAIL and RELAY_PASSWORD.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const out = "docs/screenshots";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const signIn = await page.request.post(`${base}/api/v1/session`, { data: { email: process.env.RELAY_EMAIL, password: process.env.RELAY_PASSWORD } });
if (!signIn.ok()) throw new Error(`Sign-in failed (${signIn.status()}): set RELAY_EMAIL and RELAY_PASSWORD to an owner's`);
const shot = async (name, fullPage = false) => {
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage });
  console.log(`${out}/${name}.png`);
};

await page.goto(`${base}/integrations`);
await page.getByRole("article").first().waitFor();
await shot("catalog");
await page.goto(`${base}/integrations/demo_crm`);
await page.getByRole("heading", { name: "Actions" }).waitFor();
await shot("integration-page");
await page.goto(`${base}/integrations/custom`);
await shot("custom-integrations");

await page.goto(`${base}/connectors/new?integration=demo_crm`);
await page.getByLabel("API key").waitFor();
await shot("wizard-1-credentials");
await page.getByLabel("API key").fill("wrong-key");
await page.getByRole("button", { name: "Test connection" }).click();
await page.getByText("Invalid API key").waitFor();
await shot("wizard-2-refused");
await page.getByLabel("API key").fill("demo-api-key");
await page.getByRole("button", { name: "Test connection" }).click();
await page.getByText("Connection works").waitFor();
await page.getByLabel("Name", { exact: true }).fill(`Demo CRM ${Date.now().toString(36)}`);
await page.getByText("Available").waitFor();
await shot("wizard-3-name-and-slug", true);
await page.getByRole("button", { name: "Save connector" }).click();
await page.waitForURL(/\/connectors$/);
await shot("connectors");

const connectors = await (await page.request.get(`${base}/api/v1/connection/connectors/list`)).json();
await page.goto(`${base}/playground?connector=${connectors.connectors.at(-1).uuid}&action=createRecord`);
await page.getByRole("combobox", { name: "Object type" }).click();
await page.getByRole("option", { name: "Contacts" }).click();
await page.getByLabel("Email").waitFor();
await shot("playground", true);

// The editor with a branch selected: its config and the Next steps that connect it from the keyboard.
const expression = (text) => ({ kind: "templateExpression", expression: text, instructTo: "none", fromRecipe: false });
const uuid = (n) => `d0c50000-0000-4000-8000-00000000000${n}`;
const created = await page.request.post(`${base}/api/v1/orchestration/workflows`, {
  data: {
    name: "Route big deals",
    nodes: [
      { uuid: uuid(1), slug: "start", kind: "native", actionSlug: "start", childrenUuids: [uuid(2)], position: { x: 0, y: 0 } },
      { uuid: uuid(2), slug: "big_deal", kind: "native", actionSlug: "branch", config: { condition: expression("{{nodes.start.amount > 10000}}") }, childrenUuids: [uuid(3), uuid(4)], position: { x: 0, y: 166 } },
      { uuid: uuid(3), slug: "notify", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: -200, y: 332 } },
      { uuid: uuid(4), slug: "skip", kind: "native", actionSlug: "end", config: { variables: [] }, position: { x: 200, y: 332 } },
    ],
  },
});
const { workflow } = await created.json();
await page.goto(`${base}/workflows/${workflow.uuid}`);
await page.locator('[data-canvas-ready="true"]').waitFor();
await page.getByTestId("node-big_deal").click({ position: { x: 60, y: 20 } });
await page.getByRole("combobox", { name: "Yes → next step" }).scrollIntoViewIfNeeded();
await shot("inspector-next-steps");
await browser.close();

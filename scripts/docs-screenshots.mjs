#!/usr/bin/env node
// Takes the README's screenshots from a running app: `node scripts/docs-screenshots.mjs http://localhost:3000`.
// Needs the demo integration registered (the default) and Debian's Chromium.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const out = "docs/screenshots";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
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
await browser.close();

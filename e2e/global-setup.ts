import fs from "node:fs";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { E2E_AUTH_STATE, E2E_DATA_DIR, E2E_OWNER } from "./ports";

/**
 * Runs once, after the app has started on a fresh data folder: claims the instance through the
 * real /setup page with the code the server wrote to DATA_DIR/setup-code, as a new operator would,
 * and saves the signed-in state every test then starts from (pages and API requests alike).
 */
export default async function globalSetup(config: FullConfig) {
  const { baseURL, launchOptions } = config.projects[0]!.use;
  const code = fs.readFileSync(path.join(E2E_DATA_DIR, "setup-code"), "utf8").trim();
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto("/");
    await page.waitForURL("**/setup");
    await page.getByLabel("Setup code").fill(code);
    await page.getByLabel("Your name").fill(E2E_OWNER.name);
    await page.getByLabel("Email").fill(E2E_OWNER.email);
    await page.getByLabel("Password").fill(E2E_OWNER.password);
    await page.getByLabel("Workspace name").fill(E2E_OWNER.workspaceName);
    await page.getByRole("button", { name: "Create account and workspace" }).click();
    await page.waitForURL("**/integrations");
    fs.mkdirSync(path.dirname(E2E_AUTH_STATE), { recursive: true });
    await page.context().storageState({ path: E2E_AUTH_STATE });
  } finally {
    await browser.close();
  }
}

import { expect, test } from "./fixtures";
import { screenshotBothThemes } from "./support/screenshots";
import { createDeployedTool } from "./support/tools";

test.describe("tools", () => {
  test("a tool's page renders its deployed form, runs it on submit and shows the output", async ({ page, request }) => {
    const tool = await createDeployedTool(request);

    await page.goto("/tools");
    const row = page.getByRole("row", { name: new RegExp(tool.name) });
    await expect(row).toContainText("v1.0.0");
    await screenshotBothThemes(page, page.locator("main"), "tools-list");

    await row.getByRole("link", { name: tool.name }).click();
    await expect(page).toHaveURL(`/tools/${tool.uuid}`);
    const form = page.getByRole("region", { name: "Form" });
    await form.getByRole("button", { name: "Run" }).click();
    await expect(form.getByText(/required/i).first()).toBeVisible();

    await form.getByLabel("Name").fill("Ada");
    await form.getByLabel("Count").fill("3");
    await form.getByRole("button", { name: "Run" }).click();
    const run = page.getByTestId("tool-run");
    await expect(run).toContainText("Succeeded");
    // The deployed release answers, not the edited draft.
    await expect(run).toContainText('"greeting": "Hello, Ada"');
    await expect(run).not.toContainText("Draft, Ada");

    await page.getByRole("button", { name: "Enable webhook" }).click();
    await expect(page.getByLabel("Secret (shown only now)")).toHaveValue(/^whsec_/);
    await expect(page.getByTestId("webhook-curl")).toContainText("openssl dgst -sha256 -hmac");
    await screenshotBothThemes(page, page.locator("main"), "tool-detail");
  });
});

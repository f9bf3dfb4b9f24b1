import { ConnectorResponseBody } from "@/lib/contract";
import { expect, test } from "../fixtures";
import { E2E_APP_PORT } from "../ports";
import { FormsPage } from "./forms.page";

// Against the real demo integration: createRecord (objectType + the recordFields dynamic schema)
// and updateRecord (matchProperty via $root, mappings[].name via $this.$parent.$parent.$parent).
const PROPERTIES = "POST /autocompletes/listObjectProperties";
const RECORD_FIELDS = "POST /dynamicSchemas/recordFields";

test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: `http://127.0.0.1:${E2E_APP_PORT}` });
  const response = await api.post("/api/v1/connection/connectors", {
    data: { integrationSlug: "demo_crm", slug: `forms_${Date.now().toString(36)}`, name: "Forms bench", config: { apiKey: "demo-api-key", region: "us" } },
  });
  expect(response.status(), await response.text()).toBe(200);
  ConnectorResponseBody.parse(await response.json());
  await api.dispose();
});

test.describe("schema forms", () => {
  const pageErrors: Error[] = [];
  test.beforeEach(({ page }) => {
    pageErrors.length = 0;
    page.on("pageerror", (error) => pageErrors.push(error));
  });
  test.afterEach(() => expect(pageErrors.map((error) => error.message)).toEqual([]));

  test("a dependent field waits for Object type: disabled, says so, and calls nothing", async ({ page, demo }) => {
    const before = await demo.stats();
    const forms = new FormsPage(page);
    await forms.goto();

    const matchProperty = forms.updateRecord.getByRole("combobox", { name: "Match property" });
    await expect(matchProperty).toBeDisabled();
    await expect(matchProperty).toHaveAccessibleDescription(/Choose Object type first/);
    await expect(forms.createRecord.getByRole("region", { name: "Fields" }).getByText("Choose Object type first")).toBeVisible();

    // Give a wrong eager call time to happen before checking none did.
    await page.waitForTimeout(500);
    const after = await demo.stats();
    expect(after.calls[PROPERTIES] ?? 0).toBe(before.calls[PROPERTIES] ?? 0);
    expect(after.calls[RECORD_FIELDS] ?? 0).toBe(before.calls[RECORD_FIELDS] ?? 0);
  });

  test("Object type drives Match property: a stale value is cleared, a still-valid one kept", async ({ page }) => {
    const forms = new FormsPage(page);
    await forms.goto();
    const form = forms.updateRecord;
    const objectType = form.getByRole("combobox", { name: "Object type", exact: true });
    const matchProperty = form.getByRole("combobox", { name: "Match property" });

    await forms.choose(objectType, "Companies");
    await expect(matchProperty).toBeEnabled();
    expect(await forms.optionNames(matchProperty)).toEqual(expect.arrayContaining(["Domain", "Industry", "Employee count", "Name"]));
    await forms.choose(matchProperty, "Domain");
    await expect(matchProperty).toHaveValue("Domain");

    // Deals have no domain: once their properties load, the value goes.
    await forms.choose(objectType, "Deals");
    await expect(matchProperty).toHaveValue("");
    expect(await forms.optionNames(matchProperty)).toEqual(expect.arrayContaining(["Amount", "Stage", "Name"]));

    // Both companies and deals have a name: it survives the switch back.
    await forms.choose(matchProperty, "Name");
    await forms.choose(objectType, "Companies");
    expect(await forms.optionNames(matchProperty)).toContain("Domain");
    await expect(matchProperty).toHaveValue("Name");
  });

  test("an autocomplete inside a mappings item climbs $parent to Object type, and Refresh asks the server again", async ({ page, demo }) => {
    const forms = new FormsPage(page);
    await forms.goto();
    const form = forms.updateRecord;
    await forms.choose(form.getByRole("combobox", { name: "Object type", exact: true }), "Contacts");

    // mappings has minItems 1, so item 1 is there from the start; item 2 sits at mappings[1].
    await expect(form.getByRole("group", { name: "Item 1" })).toBeVisible();
    await form.getByRole("button", { name: "Add item" }).click();
    const second = form.getByRole("group", { name: "Item 2" });
    const property = second.getByRole("combobox", { name: "Property" });
    expect(await forms.optionNames(property)).toEqual(expect.arrayContaining(["Email", "First name", "Lifecycle stage"]));
    await forms.choose(property, "Email");
    await expect(property).toHaveValue("Email");

    const calls = async () => (await demo.stats()).calls[PROPERTIES] ?? 0;
    const before = await calls();
    await second.getByRole("button", { name: "Refresh options" }).click();
    await expect.poll(calls).toBe(before + 1);
    await expect(property).toHaveValue("Email");

    await form.getByRole("button", { name: "Remove item 2" }).click();
    await expect(form.getByRole("group", { name: "Item 2" })).toHaveCount(0);
  });

  test("the keyboard drives a combobox: ArrowDown opens, arrows move, Enter picks, Escape closes", async ({ page }) => {
    const forms = new FormsPage(page);
    await forms.goto();
    const objectType = forms.createRecord.getByRole("combobox", { name: "Object type", exact: true });
    await objectType.focus();
    await objectType.press("ArrowDown");
    await expect(objectType).toHaveAttribute("aria-expanded", "true");
    const activeLabel = () => forms.activeOptionName(objectType);
    await expect.poll(activeLabel).toBe("Contacts");
    await objectType.press("ArrowDown");
    await expect.poll(activeLabel).toBe("Companies");
    await objectType.press("End");
    await expect.poll(activeLabel).toBe("Deals");
    await objectType.press("Home");
    await expect.poll(activeLabel).toBe("Contacts");
    await objectType.press("ArrowDown");
    await objectType.press("Enter");
    await expect(objectType).toHaveValue("Companies");
    await expect(objectType).toHaveAttribute("aria-expanded", "false");
    await expect(forms.submitted).toHaveText("");

    await objectType.press("ArrowDown");
    await expect(objectType).toHaveAttribute("aria-expanded", "true");
    await objectType.press("Escape");
    await expect(objectType).toHaveAttribute("aria-expanded", "false");
    await expect(objectType).toHaveValue("Companies");
  });

  test("the dynamic Fields sub-form: loads the object's fields, blocks submit on a missing required one, then submits", async ({ page }) => {
    const forms = new FormsPage(page);
    await forms.goto();
    const form = forms.createRecord;
    const fields = form.getByRole("region", { name: "Fields" });
    await forms.choose(form.getByRole("combobox", { name: "Object type", exact: true }), "Contacts");
    await expect(fields.getByRole("textbox", { name: "Email" })).toBeVisible();
    await fields.getByRole("textbox", { name: "Job title" }).fill("CTO");

    await form.getByRole("button", { name: "Execute" }).click();
    await expect(fields.getByText("Email is required")).toBeVisible();
    await expect(fields.getByRole("textbox", { name: "Email" })).toBeFocused();
    await expect(forms.submitted).toHaveText("");

    // A nested autocomplete: $root.objectType resolves against the outer form; owners come grouped by team.
    const owner = fields.getByRole("combobox", { name: "Owner" });
    await owner.click();
    await expect(page.getByRole("group", { name: "Customer Success" }).getByRole("option", { name: "Barbara Liskov" })).toBeVisible();
    await owner.press("Escape");
    await forms.choose(owner, "Grace Hopper");

    await fields.getByRole("textbox", { name: "Email" }).fill("ada@example.com");
    await form.getByRole("button", { name: "Execute" }).click();
    await expect(forms.submitted).toContainText('"action": "createRecord"');
    const sent = JSON.parse((await forms.submitted.textContent()) ?? "{}");
    expect(sent.config).toMatchObject({ objectType: "contacts", fields: { email: "ada@example.com", jobTitle: "CTO", ownerId: "own_002" } });

    // Companies have no email or job title: they go, and the user is told which.
    await forms.choose(form.getByRole("combobox", { name: "Object type", exact: true }), "Companies");
    await expect(fields.getByRole("textbox", { name: "Domain" })).toBeVisible();
    await expect(fields.getByRole("status").filter({ hasText: "Removed fields" })).toHaveText(/Removed fields not in the new schema: .*email.*jobTitle/);
    await expect(fields.getByRole("combobox", { name: "Owner" })).toHaveValue("Grace Hopper");
  });

  test("typing searches the server's options (debounced) and can keep free text", async ({ page }) => {
    await page.clock.install();
    const forms = new FormsPage(page);
    await forms.goto();
    const form = forms.createRecord;
    await forms.choose(form.getByRole("combobox", { name: "Object type", exact: true }), "Deals");
    const owner = form.getByRole("region", { name: "Fields" }).getByRole("combobox", { name: "Owner" });
    const listbox = page.locator(`#${await owner.getAttribute("aria-controls")}`);
    await owner.click();
    await expect(listbox.getByRole("option", { name: "Ada Lovelace" })).toBeVisible();

    const searches: string[] = [];
    page.on("request", (request) => {
      const body = request.url().endsWith("/autocomplete") ? request.postDataJSON() : undefined;
      if (body?.slug === "listOwners" && body.value !== undefined) searches.push(String(body.value));
    });
    // Time stands still while typing, so however slow the keystrokes, only the debounce decides.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await owner.pressSequentially("knu");
    await page.clock.runFor(200);
    expect(searches).toEqual([]);
    await page.clock.runFor(100);
    await page.clock.resume();
    await expect.poll(() => searches).toEqual(["knu"]);
    await expect(listbox.getByRole("option", { name: "Donald Knuth" })).toBeVisible();
    await expect(listbox.getByRole("option", { name: "Ada Lovelace" })).toHaveCount(0);

    await owner.fill("someone else");
    await listbox.getByRole("option", { name: "Use “someone else”" }).click();
    await expect(owner).toHaveValue("someone else");
    await expect(form.getByText("Not among the current options; kept as a custom value.")).toBeVisible();
  });

  test("when options fail to load: the server's message, free text that is kept, and Retry", async ({ page }) => {
    let failing = true;
    await page.route("**/api/v1/connection/connectors/*/autocomplete", async (route) => {
      if (failing && route.request().postDataJSON()?.slug === "listObjects") {
        return route.fulfill({ status: 502, contentType: "application/json", body: JSON.stringify({ errorMessage: "Demo CRM is down for maintenance" }) });
      }
      return route.fallback();
    });
    const forms = new FormsPage(page);
    // Not forms.goto(): that waits for the Object type combobox, which the failure may replace before it is seen.
    await page.goto("/dev/forms");
    const form = forms.createRecord;
    await expect(form.getByRole("alert").filter({ hasText: "Demo CRM is down for maintenance" })).toBeVisible();
    // Without options there is nothing to pick from: the field is a plain textbox.
    const objectType = form.getByRole("textbox", { name: "Object type", exact: true });
    await objectType.fill("contacts");
    await expect(objectType).toHaveValue("contacts");
    await expect(form.getByRole("region", { name: "Fields" }).getByRole("textbox", { name: "Email" })).toBeVisible();

    failing = false;
    await form.getByRole("button", { name: "Retry" }).click();
    const combobox = form.getByRole("combobox", { name: "Object type", exact: true });
    await expect(combobox).toHaveValue("Contacts");
  });

  test("reopening a saved config keeps its values, even one the server no longer lists", async ({ page }) => {
    const saved = { objectType: "deals", recordId: "deal_001", matchProperty: "name", mappings: [{ name: "legacyField", value: "x" }] };
    const forms = new FormsPage(page);
    await page.goto(`/dev/forms?updateRecord=${encodeURIComponent(JSON.stringify(saved))}`);
    const form = forms.updateRecord;
    await expect(form.getByRole("combobox", { name: "Object type", exact: true })).toHaveValue("Deals");
    await expect(form.getByRole("combobox", { name: "Match property" })).toHaveValue("Name");
    const property = form.getByRole("group", { name: "Item 1" }).getByRole("combobox", { name: "Property", exact: true });
    await expect(property).toHaveValue("legacyField");
    await expect(property).toHaveAccessibleDescription(/kept as a custom value/);

    await form.getByRole("button", { name: "Execute" }).click();
    await expect(forms.submitted).toContainText('"action": "updateRecord"');
    expect(JSON.parse((await forms.submitted.textContent()) ?? "{}").config).toEqual(saved);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`screenshots, ${scheme}`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      const forms = new FormsPage(page);
      await forms.goto();
      await expect(forms.updateRecord.getByRole("combobox", { name: "Match property" })).toBeDisabled();
      await forms.updateRecord.screenshot({ path: testInfo.outputPath(`update-record-waiting-${scheme}.png`) });

      await forms.choose(forms.createRecord.getByRole("combobox", { name: "Object type", exact: true }), "Deals");
      await expect(forms.createRecord.getByRole("spinbutton", { name: "Amount" })).toBeVisible();
      await forms.createRecord.getByRole("button", { name: "Execute" }).click();
      await forms.choose(forms.updateRecord.getByRole("combobox", { name: "Object type", exact: true }), "Contacts");
      const owner = forms.createRecord.getByRole("combobox", { name: "Owner" });
      await owner.click();
      await expect(page.getByRole("option", { name: "Ada Lovelace" })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`forms-${scheme}.png`), fullPage: true });
      await owner.press("Escape");

      const property = forms.updateRecord.getByRole("group", { name: "Item 1" }).getByRole("combobox", { name: "Property", exact: true });
      await forms.choose(property, "Email");
      await forms.updateRecord.getByRole("textbox", { name: "Value" }).fill("{{ nodes.start.email }}");
      await forms.updateRecord.getByRole("button", { name: "Add item" }).click();
      const second = forms.updateRecord.getByRole("group", { name: "Item 2" }).getByRole("combobox", { name: "Property", exact: true });
      await second.press("ArrowDown");
      await second.press("ArrowDown");
      await expect(page.getByRole("option", { name: "First name" })).toBeVisible();
      await forms.updateRecord.screenshot({ path: testInfo.outputPath(`update-record-${scheme}.png`) });
    });
  }
});

import type { Locator, Page } from "@playwright/test";

/** Where screenshots of the pages go (E2E_SCREENSHOTS_DIR); none are taken without it. */
const DIR = process.env.E2E_SCREENSHOTS_DIR;

/**
 * `<name>-light.png` and `<name>-dark.png` of a part of the page, when screenshots are asked for;
 * in a tall window, so a dialog shows whole rather than scrolled.
 */
export async function screenshotBothThemes(page: Page, target: Locator, name: string) {
  if (!DIR) return;
  const size = page.viewportSize();
  if (size) await page.setViewportSize({ width: size.width, height: 1600 });
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await target.screenshot({ path: `${DIR}/${name}-${theme}.png`, animations: "disabled" });
  }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  if (size) await page.setViewportSize(size);
}

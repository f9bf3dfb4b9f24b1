// bench/form-typing: against a production build (`next build` first), types into a generated
// 200-field schema form in Chromium and prints the median and p95 keystroke-to-paint time and how
// many validators ajv compiled (typing, then submitting three times).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

const PORT = 3190;
const KEYSTROKES = 60;

async function waitFor(url: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function main() {
  if (!fs.existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("Run `npx next build` first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "form-bench-"));
  const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATA_DIR: dataDir, DEMO_INTEGRATION_URL: "", NEXT_TELEMETRY_DISABLED: "1", RELAY_DEV_PAGES: "1" },
    stdio: "ignore",
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/api/v1/health`);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/dev/form-bench`);
    const field = page.getByLabel("Text 100");
    await field.waitFor();
    // keydown → the next frame after React committed the new value: what the user waits for.
    await page.evaluate(() => {
      const samples: number[] = [];
      (window as unknown as { __samples: number[] }).__samples = samples;
      document.addEventListener(
        "keydown",
        () => {
          const start = performance.now();
          requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
        },
        true,
      );
    });
    const typeInto = async (locator: typeof field) => {
      await locator.click();
      await page.evaluate(() => ((window as unknown as { __samples: number[] }).__samples.length = 0));
      for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(String.fromCharCode(97 + (i % 26)), { delay: 30 });
      await page.waitForTimeout(200);
      return page.evaluate(() => [...(window as unknown as { __samples: number[] }).__samples]);
    };
    // The same measurement on a plain React input is the floor (it includes waiting for the next frame).
    const baseline = await typeInto(page.getByLabel("Baseline input"));
    const samples = await typeInto(field);
    const compilesAfterTyping = await page.evaluate(() => window.__ajvCompiles ?? 0);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Validate" }).click();
    const compilesAfterSubmits = await page.evaluate(() => window.__ajvCompiles ?? 0);
    const median = percentile(samples, 0.5);
    const floor = percentile(baseline, 0.5);
    console.log(`form-typing: 200-field form, ${samples.length} keystrokes: median ${median.toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms keystroke-to-paint (target < 16 ms; rjsf users report ~200 ms, rjsf#3715)`);
    console.log(`form-typing: a plain input on the same page: median ${floor.toFixed(1)} ms; the form costs ${(median - floor).toFixed(1)} ms more per keystroke (${(median / floor).toFixed(2)}x)`);
    console.log(`form-typing: ajv compiled ${compilesAfterTyping} validator(s) while typing and ${compilesAfterSubmits} in all after 3 submits`);
  } finally {
    await browser.close();
    app.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

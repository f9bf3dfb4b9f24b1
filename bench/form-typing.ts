// bench/form-typing: against the e2e suite's build, which has the /dev pages (`npm run build:e2e`
// first), types into a generated 200-field schema form in Chromium and prints the median and p95 keystroke-to-paint time and how
// many validators ajv compiled (typing, then submitting three times).
import { E2E_DIST_DIR, launchChromium, percentile, startProductionApp } from "../scripts/support/production-app";

const KEYSTROKES = 60;

async function main() {
  const { base, stop, signIn } = await startProductionApp({ distDir: E2E_DIST_DIR });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await signIn(context);
    const page = await context.newPage();
    await page.goto(`${base}/dev/form-bench`);
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
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
